package dev.graft.plugins.peft;

import dev.graft.spi.freeze.BackboneParameter.Kind;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import java.util.Set;

/**
 * BitFit (Ben Zaken, Ravfogel & Goldberg 2022, "BitFit: Simple Parameter-efficient Fine-tuning for
 * Transformer-based Masked Language-models"): of the backbone only the additive biases train, the
 * layers' biases and the normalisation layers' shifts (what is named {@code bias} in their BERT,
 * LayerNorm's included); every weight and scale stays as pretrained, and BatchNorm normalises with
 * its pretrained running statistics (inference mode). The head trains as always.
 */
public final class BitFitFactory implements FreezeScheduleFactory<BitFitConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "bitfit";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<BitFitConfig> configClass() {
        return BitFitConfig.class;
    }

    @Override
    public String description() {
        return "BitFit (Ben Zaken et al. 2022): only the backbone's biases (layers' biases and normalisation shifts) train, "
                + "BatchNorm in inference mode";
    }

    @Override
    public FreezeSchedule create(BitFitConfig config) {
        return new ChosenParameters(NAME, Set.of(Kind.BIAS, Kind.NORM_SHIFT), config.lrMultiplier(), false);
    }
}
