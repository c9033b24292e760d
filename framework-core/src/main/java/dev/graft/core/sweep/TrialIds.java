package dev.graft.core.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Content hashes: of a trial spec (the trial id), of its strategy (the spec less the seed) and of anything serialisable to canonical JSON. */
public final class TrialIds {
    /** Bumped when the meaning of a spec changes, so old results are not taken for new ones. */
    static final String PROTOCOL = "graft-trial-v1";
    private static final String STRATEGY = "graft-strategy-v1";
    /** Reads and writes JSON trees, which need no plugin types. */
    private static final ObjectMapper TREES = new ObjectMapper();

    private TrialIds() {}

    /**
     * @param mapper the canonical config mapper
     * @param spec a trial spec
     * @return the trial id: 16 hex digits of SHA-256 over the protocol and the spec's canonical JSON
     */
    public static String of(ObjectMapper mapper, TrialSpec spec) {
        return hash(mapper, PROTOCOL, spec).substring(0, 16);
    }

    /**
     * The identity of a trial's strategy: everything that determines its numbers but the seed
     * (backbone with its pretraining and transferred layers, head, freeze schedule, augmenter,
     * regulariser, data size, data, training settings). Trials with the same strategy id are
     * replicates of one another and nothing else is; display labels never decide it.
     *
     * @param specJson a trial spec's canonical JSON, as recorded with the trial
     * @return 16 hex digits of SHA-256 over the spec without its {@code seed}
     */
    public static String strategyOf(String specJson) {
        try {
            JsonNode spec = TREES.readTree(specJson);
            if (!(spec instanceof ObjectNode object)) {
                throw new IllegalArgumentException("a trial spec is a JSON object, got " + specJson);
            }
            ObjectNode withoutSeed = object.deepCopy();
            withoutSeed.remove("seed");
            return hash(TREES, STRATEGY, withoutSeed).substring(0, 16);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable trial spec: " + e.getMessage(), e);
        }
    }

    /**
     * @param mapper the canonical config mapper
     * @param salt a label for what is hashed
     * @param value any serialisable value
     * @return SHA-256 hex of the salt and the value's canonical JSON
     */
    public static String hash(ObjectMapper mapper, String salt, Object value) {
        try {
            return sha256(salt + "\n" + mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }

    /**
     * @param text text
     * @return its SHA-256 as hex
     */
    public static String sha256(String text) {
        return dev.graft.spi.Sha256.of(text);
    }

    /**
     * @param bytes bytes
     * @return their SHA-256 as hex
     */
    public static String sha256(byte[] bytes) {
        return dev.graft.spi.Sha256.of(bytes);
    }
}
