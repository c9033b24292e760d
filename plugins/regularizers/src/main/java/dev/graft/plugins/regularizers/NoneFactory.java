package dev.graft.plugins.regularizers;

import dev.graft.spi.regularize.Regularizer;
import dev.graft.spi.regularize.RegularizerFactory;
import java.util.Set;

/** No regulariser: lets a sweep put the plain fine-tuning run beside the regularised ones. */
public final class NoneFactory implements RegularizerFactory<NoneConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "none";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<NoneConfig> configClass() {
        return NoneConfig.class;
    }

    @Override
    public String description() {
        return "no regulariser (plain fine-tuning, weight decay as configured)";
    }

    @Override
    public Regularizer create(NoneConfig config) {
        return new Regularizer() {
            @Override
            public Set<Need> needs() {
                return Set.of();
            }

            @Override
            public ai.djl.ndarray.NDArray penalty(dev.graft.spi.regularize.RegularizationStep step) {
                throw new IllegalStateException("'none' has no penalty");
            }
        };
    }
}
