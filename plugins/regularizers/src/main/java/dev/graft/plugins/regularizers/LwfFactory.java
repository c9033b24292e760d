package dev.graft.plugins.regularizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.graft.spi.regularize.RegularizationStep;
import dev.graft.spi.regularize.Regularizer;
import dev.graft.spi.regularize.RegularizerFactory;
import java.util.Set;

/**
 * Learning without forgetting (Li and Hoiem, TPAMI 2017): the source head, starting from its
 * pretrained weights, trains beside the new head, and its outputs on the target inputs are kept
 * close to those of the untouched pretrained network by the distillation loss {@code weight *
 * mean_batch(-sum_j p_j log q_j)}, with {@code p = softmax(pretrained logits / T)} and {@code q =
 * softmax(current logits / T)} (the paper's modified cross-entropy; no T^2 factor). The recorded
 * outputs are computed on the same augmented batch, in inference mode. Needs a backbone
 * pretrained by Graft (its source head is cached with it).
 */
public final class LwfFactory implements RegularizerFactory<LwfConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "lwf";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<LwfConfig> configClass() {
        return LwfConfig.class;
    }

    @Override
    public String description() {
        return "learning without forgetting (Li and Hoiem 2017): the source head trains too, its outputs distilled towards the pretrained network's";
    }

    @Override
    public Regularizer create(LwfConfig config) {
        return new Regularizer() {
            @Override
            public Set<Need> needs() {
                return Set.of(Need.SOURCE_OUTPUTS);
            }

            @Override
            public NDArray penalty(RegularizationStep step) {
                // a factor the engine allocated: a Java number would be wrapped around a Java buffer the tape outlives
                return distillation(step.sourceLogits(), step.pretrainedSourceLogits(), config.temperature())
                        .mul(step.manager().full(new Shape(), config.weight().floatValue()));
            }
        };
    }

    /**
     * @param logits current logits (batch, classes), in the tape
     * @param recorded the pretrained network's logits, constant
     * @param temperature T
     * @return the mean over the batch of the cross-entropy of the tempered distributions
     */
    static NDArray distillation(NDArray logits, NDArray recorded, double temperature) {
        NDArray t = logits.getManager().full(new Shape(), (float) temperature);
        NDArray target = recorded.div(t).softmax(1);
        NDArray logQ = logits.div(t).logSoftmax(1);
        return target.mul(logQ).sum(new int[] {1}).mean().neg();
    }
}
