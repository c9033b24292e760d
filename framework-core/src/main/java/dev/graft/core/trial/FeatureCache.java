package dev.graft.core.trial;

import dev.graft.spi.GraftException;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Backbone features computed once per (backbone weights, dataset, preprocessing) and reused by
 * every head, seed and epoch of a sweep whose backbone stays frozen. Features are kept in memory
 * (least recently used first out beyond {@code memoryBytes}); a table larger than {@code
 * spillBytes} is also written to an HDF5 file ({@code features/<key>.h5}, dataset {@code
 * /features}, rows x columns, float32) under the cache directory, where a later run finds it.
 */
public final class FeatureCache {
    /** Where a table came from. */
    enum Source { memory, disk, computed }

    /** A table and where it came from. */
    record Lookup(float[] values, Source source) {}

    private final Path dir;
    private final long memoryBytes;
    private final long spillBytes;
    private final LinkedHashMap<String, float[]> memory = new LinkedHashMap<>(16, 0.75f, true);
    private long held;

    /**
     * @param dir the directory for spilled tables, or null to keep everything in memory
     * @param memoryBytes the most bytes kept in memory
     * @param spillBytes tables larger than this are also written to {@code dir}
     */
    public FeatureCache(Path dir, long memoryBytes, long spillBytes) {
        this.dir = dir;
        this.memoryBytes = memoryBytes;
        this.spillBytes = spillBytes;
    }

    /**
     * @param key the table's identity (a hash of backbone, data and preprocessing)
     * @param rows examples
     * @param cols features per example
     * @param compute computes the table when neither memory nor disk has it
     * @return the table, rows x cols row-major
     */
    synchronized Lookup get(String key, int rows, int cols, Supplier<float[]> compute) {
        float[] known = memory.get(key);
        if (known != null) {
            return new Lookup(known, Source.memory);
        }
        Path file = dir == null ? null : dir.resolve(key + ".h5");
        if (file != null && Files.isRegularFile(file)) {
            float[] read = read(file, rows, cols);
            if (read != null) {
                keep(key, read);
                return new Lookup(read, Source.disk);
            }
        }
        float[] computed = compute.get();
        if (computed.length != (long) rows * cols) {
            throw new IllegalStateException("feature table of " + computed.length + " values for " + rows + " x " + cols);
        }
        if (file != null && 4L * computed.length > spillBytes) {
            write(file, computed, rows, cols);
        }
        keep(key, computed);
        return new Lookup(computed, Source.computed);
    }

    private void keep(String key, float[] values) {
        long bytes = 4L * values.length;
        if (bytes > memoryBytes) {
            return;
        }
        memory.put(key, values);
        held += bytes;
        var oldest = memory.entrySet().iterator();
        while (held > memoryBytes && oldest.hasNext()) {
            Map.Entry<String, float[]> entry = oldest.next();
            if (entry.getKey().equals(key)) {
                continue;
            }
            held -= 4L * entry.getValue().length;
            oldest.remove();
        }
    }

    /** @return the table, or null when the file does not hold one of this shape (it is then computed again) */
    private static float[] read(Path file, int rows, int cols) {
        try (HdfFile hdf = new HdfFile(file)) {
            var dataset = hdf.getDatasetByPath("/features");
            int[] dims = dataset.getDimensions();
            if (dims.length != 2 || dims[0] != rows || dims[1] != cols) {
                return null;
            }
            return (float[]) dataset.getDataFlat();
        } catch (RuntimeException e) {
            return null; // unreadable (an interrupted write): computed and written again
        }
    }

    private static void write(Path file, float[] values, int rows, int cols) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            float[][] table = new float[rows][];
            for (int r = 0; r < rows; r++) {
                table[r] = java.util.Arrays.copyOfRange(values, r * cols, (r + 1) * cols);
            }
            try (WritableHdfFile hdf = HdfFile.write(tmp)) {
                hdf.putDataset("features", table);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the feature cache " + file, e);
        } catch (RuntimeException e) {
            throw new GraftException("writing the feature cache " + file + ": " + e.getMessage(), e);
        }
    }
}
