package dev.graft.core.descriptor;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;

/**
 * The baseline paired with every transfer trial.
 *
 * @param type {@code scratch}: the same architecture, head, augmentation, data and seed, with
 *     random initialisation and every layer trained
 */
public record BaselineSpec(@JsonPropertyDescription("scratch: same architecture, random init, all layers trained") String type) {

    /** The from-scratch baseline. */
    public static final BaselineSpec SCRATCH = new BaselineSpec("scratch");

    public BaselineSpec {
        type = type == null ? "scratch" : type;
        if (!type.equals("scratch")) {
            throw new InvalidConfigException("type", "the only baseline is 'scratch', got '" + type + "'");
        }
    }
}
