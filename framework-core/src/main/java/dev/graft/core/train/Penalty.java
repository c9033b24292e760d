package dev.graft.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.graft.spi.backbone.LayerGroup;
import dev.graft.spi.regularize.RegularizationStep;
import dev.graft.spi.regularize.Regularizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A transfer trial's regulariser as a loss term: the weights it compares against are copied when
 * the hook is made (before a checkpoint's weights are loaded), the pretrained source network's
 * outputs are computed outside the gradient tape, and the penalty is added to the step's loss.
 */
final class Penalty implements LoopHook {
    private final Regularization regularization;
    private final Set<Regularizer.Need> needs;
    private final List<StartingWeight> startingWeights;
    private NDArray pretrainedSourceLogits;

    /**
     * @param regularization the regulariser and its pretrained source network
     * @param network the network about to train, with its starting weights
     * @param manager where the starting weights' copies live
     * @param firstNewGroup groups from this index up were re-initialised: their weights count as added
     */
    Penalty(Regularization regularization, GroupedNetwork network, NDManager manager, int firstNewGroup) {
        this.regularization = regularization;
        this.needs = regularization.regularizer().needs();
        this.startingWeights = needs.contains(Regularizer.Need.PARAMETERS) ? startingWeights(network, manager, firstNewGroup) : List.of();
        network.setAuxiliaryOutputs(needs.contains(Regularizer.Need.FEATURES) || needs.contains(Regularizer.Need.SOURCE_OUTPUTS));
    }

    @Override
    public void beforeForward(LoopStep step) {
        pretrainedSourceLogits = needs.contains(Regularizer.Need.SOURCE_OUTPUTS)
                ? regularization.pretrainedSource().forward(new ParameterStore(step.scope(), false), step.x(), false).singletonOrThrow()
                : null;
    }

    @Override
    public NDArray loss(LoopStep step, NDList outputs, NDArray loss) {
        NDArray penalty = regularization.regularizer().penalty(new Step(step.scope(), outputs, pretrainedSourceLogits, startingWeights, needs));
        return loss.add(penalty.reshape(new Shape()));
    }

    /**
     * A trainable parameter and its value when training started: transferred when it belongs to a
     * group below {@code firstNewGroup}, added otherwise (heads, re-initialised groups).
     */
    private record StartingWeight(String group, Parameter parameter, NDArray initial, boolean transferred) {}

    private static List<StartingWeight> startingWeights(GroupedNetwork network, NDManager manager, int firstNewGroup) {
        List<StartingWeight> weights = new ArrayList<>();
        for (int i = 0; i < network.groups().size(); i++) {
            LayerGroup group = network.groups().get(i);
            addStartingWeights(weights, group.name(), group.block(), manager, i < firstNewGroup);
        }
        addStartingWeights(weights, "head", network.head(), manager, false);
        if (network.sourceHead() != null) {
            addStartingWeights(weights, "source-head", network.sourceHead(), manager, false);
        }
        return weights;
    }

    private static void addStartingWeights(List<StartingWeight> weights, String group, Block block, NDManager manager, boolean transferred) {
        for (var entry : block.getParameters()) {
            Parameter parameter = entry.getValue();
            if (GroupedNetwork.isTrainable(parameter)) {
                NDArray value = parameter.getArray();
                // an independent copy, outside any gradient tape
                NDArray initial = value.duplicate();
                initial.attach(manager);
                weights.add(new StartingWeight(group, parameter, initial, transferred));
            }
        }
    }

    /** What a regulariser sees at one step, built from the network's outputs and parameters. */
    private record Step(NDManager manager, NDList outputs, NDArray pretrainedSourceLogitsOrNull, List<StartingWeight> starting,
            Set<Regularizer.Need> needs) implements RegularizationStep {
        @Override
        public List<Weight> transferred() {
            return weights(true);
        }

        @Override
        public List<Weight> added() {
            return weights(false);
        }

        private List<Weight> weights(boolean transferred) {
            List<Weight> weights = new ArrayList<>();
            for (StartingWeight w : starting) {
                if (w.transferred() == transferred) {
                    weights.add(new Weight(w.group(), w.parameter().getName(), w.parameter().getArray(), w.initial(),
                            w.parameter().requiresGradient()));
                }
            }
            return weights;
        }

        @Override
        public NDArray features() {
            require(Regularizer.Need.FEATURES);
            return outputs.get(1);
        }

        @Override
        public NDArray sourceLogits() {
            require(Regularizer.Need.SOURCE_OUTPUTS);
            return outputs.get(2);
        }

        @Override
        public NDArray pretrainedSourceLogits() {
            require(Regularizer.Need.SOURCE_OUTPUTS);
            return pretrainedSourceLogitsOrNull;
        }

        private void require(Regularizer.Need need) {
            if (!needs.contains(need)) {
                throw new IllegalStateException("the regulariser did not declare " + need + " among its needs");
            }
        }
    }
}
