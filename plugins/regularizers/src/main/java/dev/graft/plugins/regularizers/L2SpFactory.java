package dev.graft.plugins.regularizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.graft.spi.regularize.RegularizationStep;
import dev.graft.spi.regularize.Regularizer;
import dev.graft.spi.regularize.RegularizerFactory;
import java.util.List;
import java.util.Set;

/**
 * L2-SP (Li, Grandvalet and Davoine, "Explicit inductive bias for transfer learning with
 * convolutional networks", ICML 2018): {@code alpha/2 ||w_S - w_S^0||^2 + beta/2 ||w_new||^2},
 * where {@code w_S} are the transferred parameters, {@code w_S^0} their pretrained values and
 * {@code w_new} the parameters that start from random values. It replaces plain weight decay,
 * which is switched off for these trials. Every trainable parameter counts (BatchNorm scale and
 * shift included, running statistics not), as in the Transfer-Learning-Library's implementation;
 * frozen parameters add a constant and are skipped.
 */
public final class L2SpFactory implements RegularizerFactory<L2SpConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "l2-sp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<L2SpConfig> configClass() {
        return L2SpConfig.class;
    }

    @Override
    public String description() {
        return "L2-SP (Li et al. 2018): alpha/2 ||w - w_pretrained||^2 on transferred weights + beta/2 ||w||^2 on new ones, instead of weight decay";
    }

    @Override
    public Regularizer create(L2SpConfig config) {
        return new Regularizer() {
            @Override
            public Set<Need> needs() {
                return Set.of(Need.PARAMETERS);
            }

            @Override
            public boolean replacesWeightDecay() {
                return true;
            }

            @Override
            public NDArray penalty(RegularizationStep step) {
                // factors the engine allocated: a Java number would be wrapped around a Java buffer the tape outlives
                NDManager m = step.manager();
                return sumOfSquares(m, step.transferred(), true).mul(m.full(new Shape(), (float) (config.alpha() / 2)))
                        .add(sumOfSquares(m, step.added(), false).mul(m.full(new Shape(), (float) (config.beta() / 2))));
            }
        };
    }

    /** Sum of squares of the training weights, or of their distance from their initial values. */
    private static NDArray sumOfSquares(NDManager manager, List<RegularizationStep.Weight> weights, boolean fromInitial) {
        NDArray sum = manager.zeros(new Shape());
        for (RegularizationStep.Weight w : weights) {
            if (!w.trains()) {
                continue;
            }
            NDArray d = fromInitial ? w.value().sub(w.initial()) : w.value();
            sum = sum.add(d.square().sum());
        }
        return sum;
    }
}
