package dev.graft.core.trial;

import dev.graft.core.eval.TestScores;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import dev.graft.core.train.GroupedNetwork;
import dev.graft.spi.edit.LayerEditor;
import dev.graft.core.train.Inference;
import dev.graft.core.train.NetworkTrainer;
import dev.graft.core.train.Regularization;
import dev.graft.core.train.TrainingOutcome;
import dev.graft.spi.Axis;
import dev.graft.spi.head.Head;

/**
 * The backbone and head trained together on the (augmented) images, the freeze schedule deciding
 * which groups train when. A regulariser that needs the pretrained source head's outputs (LwF)
 * gets the source head on the network and an untouched frozen copy of the pretrained network.
 */
record EndToEndPlan(Components components) implements TrainingPlan {
    @Override
    public Trained train(TrialSetup setup) {
        var manager = setup.model().getNDManager();
        BuiltBackbone built = setup.built();
        Pretrained pretrained = setup.pretrained();
        Block headBlock;
        if (setup.head() instanceof Head.Network network) {
            headBlock = network.block();
        } else {
            // a feature classifier cannot train end to end: its scratch baseline is the
            // equivalent linear softmax classifier trained with the whole network
            headBlock = Linear.builder().setUnits(setup.pool().numClasses()).build();
            setup.provenance().scratchHead("linear layer standing in for feature head '" + setup.trial().labels().of(Axis.HEAD) + "'");
        }
        boolean needsSource = setup.needsSource();
        Block sourceHead = needsSource ? pretrained.newSourceHead(components, built.featureShape()) : null;
        GroupedNetwork network = built.withHead(headBlock, sourceHead, manager);
        setup.model().setBlock(network);
        LayerEditor edits = edit(setup, network, manager);
        Regularization regularization = null;
        if (setup.regularizer() != null) {
            GroupedNetwork pretrainedSource = null;
            if (needsSource) {
                // the source head starts from its pretrained weights and trains; the untouched
                // pretrained network gives the outputs to stay close to
                GroupedNetwork.loadBlock(manager, sourceHead, pretrained.sourceHead());
                pretrainedSource = BuiltBackbone.build(components, setup.spec().backbone().architecture(), setup.pool(), manager,
                        pretrained.weights()).withHead(pretrained.newSourceHead(components, built.featureShape()), null, manager);
                GroupedNetwork.loadBlock(manager, pretrainedSource.head(), pretrained.sourceHead());
                pretrainedSource.freezeParameters(true);
            }
            regularization = new Regularization(setup.regularizer(), pretrainedSource);
        }
        NetworkTrainer trainer = new NetworkTrainer(setup.spec().train(), setup.schedule(), components.augmenter(setup.spec().augment()),
                built.backbone().inputSpec(), setup.spec().seed(), setup.firstNewGroup(), regularization).withHooks(setup.hooks());
        TrainingOutcome outcome = TrainingPlan.run(setup, trainer, setup.split().train(), setup.split().validation());
        if (edits != null) {
            merge(setup, network, edits, manager);
        }
        TestScores test = TrainingPlan.scoreTest(setup,
                () -> Inference.probabilities(network, manager, setup.test(), built.backbone().inputSpec(), setup.inferenceBatch()));
        return new Trained(test, outcome.bestEpoch(), TrainingPlan.scoreEvaluations(setup, components,
                set -> Inference.probabilities(network, manager, set, built.backbone().inputSpec(), setup.inferenceBatch()),
                network::saveBackbone, edits != null && !edits.insertedBlocks().isEmpty() ? network.groups() : null));
    }

    /**
     * Lets the hooks that edit the backbone do so, their new blocks initialised from the trial's
     * seed; null when no hook edits.
     */
    private static LayerEditor edit(TrialSetup setup, GroupedNetwork network, ai.djl.ndarray.NDManager manager) {
        if (setup.spec().kind() != dev.graft.core.sweep.TrialKind.transfer || !setup.editsBackbone()) {
            return null;
        }
        ai.djl.engine.Engine.getInstance().setRandomSeed((int) dev.graft.core.train.Seeds.derive(setup.spec().seed(), "edit"));
        LayerEditor edits = new LayerEditor(network.groups(), manager);
        for (var hook : setup.hooks().values()) {
            if (hook.editsBackbone()) {
                hook.editBackbone(edits);
            }
        }
        network.adopt(edits);
        return edits;
    }

    /**
     * Merges reparametrised weights into the backbone after training, checking on the validation
     * examples that the merged network computes what the unmerged one did.
     */
    private static void merge(TrialSetup setup, GroupedNetwork network, LayerEditor edits, ai.djl.ndarray.NDManager manager) {
        Double difference = null;
        if (network.hasReparametrisations()) {
            var check = setup.split().validation().size() > 0 ? setup.split().validation() : setup.split().train();
            var spec = setup.built().backbone().inputSpec();
            float[][] unmerged = Inference.probabilities(network, manager, check, spec, setup.inferenceBatch());
            network.mergeReparametrisations(manager);
            float[][] merged = Inference.probabilities(network, manager, check, spec, setup.inferenceBatch());
            double largest = 0;
            for (int i = 0; i < merged.length; i++) {
                for (int c = 0; c < merged[i].length; c++) {
                    largest = Math.max(largest, Math.abs(merged[i][c] - unmerged[i][c]));
                }
            }
            difference = largest;
            if (!(largest <= MERGE_TOLERANCE)) {
                throw new dev.graft.spi.GraftException("the merged network's class probabilities differ from the unmerged network's by "
                        + largest + " (more than " + MERGE_TOLERANCE + "): a reparametrisation does not merge into its weight");
            }
        }
        setup.provenance().edits(new dev.graft.core.provenance.EditProvenance(edits.reparametrisations().size(), edits.insertedBlocks().size(), difference));
    }

    /** How far merged and unmerged class probabilities may differ: float32 rounding of the merged weights. */
    static final double MERGE_TOLERANCE = 1e-4;
}
