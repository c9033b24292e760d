package dev.graft.core.trial;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.descriptor.BackboneSpec;
import dev.graft.core.descriptor.PretrainSpec;
import dev.graft.core.sweep.TrialIds;
import dev.graft.spi.GraftException;
import dev.graft.spi.data.Examples;
import dev.graft.spi.data.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cache of source-task pretraining, by content hash under {@code <cache>/backbones/<key>/}
 * ({@code backbone.params}, {@code source-head.params}, {@code meta.json}). The key covers the
 * architecture config, the pretraining spec, the source data's checksum and PyTorch's threads per
 * operation, so a change to any of them trains anew, and the same spec in any run with the same
 * threads reuses the weights. The orchestrator fills it before any trial trains; a worker process
 * only reads it.
 */
public final class PretrainedCache {
    static final String PROTOCOL = "graft-pretrain-v1";

    private final Path cacheDir;
    private final DataCatalog catalog;
    private final ObjectMapper mapper;
    private final Map<String, Pretrained> inMemory = new HashMap<>();

    /**
     * @param cacheDir the cache root ({@code GRAFT_HOME/cache})
     * @param catalog data access (a key needs the source data's checksum)
     * @param mapper the canonical config mapper
     */
    public PretrainedCache(Path cacheDir, DataCatalog catalog, ObjectMapper mapper) {
        this.cacheDir = requireNonNull(cacheDir, "cacheDir is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
    }

    /**
     * @param spec a backbone with a pretrain block
     * @return its source task's training split, classes selected
     */
    public Examples source(BackboneSpec spec) {
        return catalog.load(requireNonNull(spec.pretrain(), "backbone has no pretrain block").data(), Split.TRAIN);
    }

    /**
     * @param spec a backbone with a pretrain block
     * @param source the source training split, classes selected
     * @return the cache key of its pretraining
     */
    public String key(BackboneSpec spec, Examples source) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("architecture", spec.architecture());
        identity.put("pretrain", spec.pretrain());
        identity.put("sourceChecksum", source.checksum());
        identity.put("sourceClasses", source.classNames());
        // PyTorch's threads per operation change the weights at the last bits, and so every trial on them
        identity.put("intraOpThreads", Environment.intraOpThreads());
        return TrialIds.hash(mapper, PROTOCOL, identity).substring(0, 20);
    }

    /** @return the directory of a key's entry */
    public Path dir(String key) {
        return cacheDir.resolve("backbones").resolve(key);
    }

    /** @return where an interrupted pretraining of a key left its checkpoint */
    public Path checkpoint(String key) {
        return cacheDir.resolve("backbones").resolve(key + ".checkpoint.bin");
    }

    /**
     * @param key a cache key
     * @param pretrain its pretraining spec
     * @return the complete entry (held in memory after the first read), or empty; entries written
     *     before source heads were kept count as absent, to be pretrained again (deterministically)
     */
    public synchronized Optional<Pretrained> find(String key, PretrainSpec pretrain) {
        Pretrained known = inMemory.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Path dir = dir(key);
        if (!Files.isRegularFile(dir.resolve("meta.json")) || !Files.isRegularFile(dir.resolve("source-head.params"))) {
            return Optional.empty();
        }
        Pretrained read = read(dir, key, pretrain);
        inMemory.put(key, read);
        return Optional.of(read);
    }

    /**
     * The cached weights of a backbone the orchestrator pretrained for this run.
     *
     * @param spec a backbone with a pretrain block
     * @return the pretrained weights
     * @throws GraftException if the cache has no complete entry for it
     */
    public Pretrained require(BackboneSpec spec) {
        String key = key(spec, source(spec));
        return find(key, spec.pretrain()).orElseThrow(() -> new GraftException(dir(key)
                + ": no pretrained backbone in the cache; the orchestrator pretrains every backbone before trials train, "
                + "so the cache was moved or deleted during the run"));
    }

    /**
     * Writes an entry whole (to a temporary directory first, then moved into place).
     *
     * @param pretrained the weights, under their key
     */
    public synchronized void put(Pretrained pretrained) {
        Path dir = dir(pretrained.key());
        try {
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp");
            Files.write(tmp.resolve("backbone.params"), pretrained.weights());
            Files.write(tmp.resolve("source-head.params"), pretrained.sourceHead());
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("key", pretrained.key());
            meta.put("sourceAccuracy", pretrained.sourceAccuracy());
            meta.put("sourceClasses", pretrained.sourceClasses());
            meta.put("seconds", pretrained.seconds());
            meta.put("provenance", pretrained.provenance());
            mapper.writerWithDefaultPrettyPrinter().writeValue(tmp.resolve("meta.json").toFile(), meta);
            if (Files.isDirectory(dir)) {
                // an incomplete entry of an older version: replaced whole
                dev.graft.spi.FileTrees.delete(dir);
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the backbone cache " + dir, e);
        }
        inMemory.put(pretrained.key(), pretrained);
    }

    private Pretrained read(Path dir, String key, PretrainSpec pretrain) {
        try {
            Map<String, Object> meta = mapper.readValue(dir.resolve("meta.json").toFile(), new TypeReference<>() {});
            byte[] weights = Files.readAllBytes(dir.resolve("backbone.params"));
            byte[] sourceHead = Files.readAllBytes(dir.resolve("source-head.params"));
            @SuppressWarnings("unchecked")
            Map<String, Object> provenance = (Map<String, Object>) meta.get("provenance");
            return new Pretrained(key, weights, sourceHead, pretrain.head(), ((Number) meta.get("sourceClasses")).intValue(),
                    ((Number) meta.get("sourceAccuracy")).doubleValue(),
                    ((Number) meta.get("seconds")).doubleValue(), true, provenance);
        } catch (IOException | RuntimeException e) {
            throw new GraftException(dir + ": the cached pretrained backbone is unreadable (" + e.getMessage()
                    + "); delete the directory to pretrain again", e);
        }
    }
}
