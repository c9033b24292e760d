package dev.graft.core.train;

import dev.graft.spi.GraftException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a trial stood after an epoch, so an interrupted trial resumes there instead of starting
 * over: the network's weights, the optimiser's state and per-parameter step counts, the
 * learning-rate schedule's position (the global step), the best epoch so far with its weights,
 * the per-epoch metrics, and the freeze state the schedule had set (which groups trained, each
 * group's and the head's learning-rate multiplier). The freeze schedule is a pure function of the
 * epoch, so the next epoch's state is asked of it again; the random streams of shuffling and
 * augmentation are replayed over the finished epochs, and every epoch reseeds the engine (dropout)
 * from the trial's seed, so a resumed trial gives the numbers an uninterrupted one gives.
 *
 * @param key what the checkpoint belongs to (the trial id); a checkpoint of anything else is ignored
 * @param epochsDone finished epochs
 * @param step optimisation steps taken
 * @param epochs metrics of the finished epochs
 * @param bestEpoch the best epoch so far (1-based), 0 for none
 * @param weights every parameter of the network
 * @param bestWeights the best epoch's parameters, or null when they are the current ones or unknown
 * @param optimizer the optimiser's state
 * @param groupMultipliers each layer group's (and the head's) learning-rate multiplier in the last epoch
 * @param trainedParameters the parameters (by name) trained in the finished epochs
 * @param changedParameters the parameters changed in them (trained, or running statistics that followed the data)
 */
public record TrialCheckpoint(String key, int epochsDone, long step, List<EpochMetrics> epochs, int bestEpoch, byte[] weights,
        byte[] bestWeights, PerParameterSteps.Snapshot optimizer, Map<String, Double> groupMultipliers, List<String> trainedParameters,
        List<String> changedParameters) {
    private static final int MAGIC = 0x47524350; // "GRCP"
    // 2: what the epochs trained and changed (a version-1 checkpoint is not read: its trial starts over)
    private static final int VERSION = 2;

    /**
     * Writes the checkpoint to a temporary file and moves it into place, so a crash while writing
     * leaves the previous checkpoint intact.
     *
     * @param file the checkpoint file
     */
    public void write(Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(key);
                out.writeInt(epochsDone);
                out.writeLong(step);
                out.writeInt(epochs.size());
                for (EpochMetrics e : epochs) {
                    out.writeInt(e.epoch());
                    out.writeDouble(e.trainLoss());
                    out.writeDouble(e.trainAccuracy());
                    out.writeDouble(e.validationAccuracy());
                    out.writeDouble(e.validationLoss());
                    out.writeDouble(e.seconds());
                    out.writeUTF(String.join("\n", e.trainingGroups()));
                }
                out.writeInt(bestEpoch);
                bytes(out, weights);
                bytes(out, bestWeights);
                out.writeInt(optimizer.steps().size());
                for (Map.Entry<String, Integer> s : optimizer.steps().entrySet()) {
                    out.writeUTF(s.getKey());
                    out.writeInt(s.getValue());
                }
                out.writeInt(optimizer.values().size());
                for (Map.Entry<Integer, Map<String, float[]>> slot : optimizer.values().entrySet()) {
                    out.writeInt(slot.getKey());
                    out.writeInt(slot.getValue().size());
                    for (Map.Entry<String, float[]> state : slot.getValue().entrySet()) {
                        out.writeUTF(state.getKey());
                        long[] shape = optimizer.shapes().get(slot.getKey()).get(state.getKey());
                        out.writeInt(shape.length);
                        for (long d : shape) {
                            out.writeLong(d);
                        }
                        out.writeInt(state.getValue().length);
                        for (float v : state.getValue()) {
                            out.writeFloat(v);
                        }
                    }
                }
                out.writeInt(groupMultipliers.size());
                for (Map.Entry<String, Double> m : groupMultipliers.entrySet()) {
                    out.writeUTF(m.getKey());
                    out.writeDouble(m.getValue());
                }
                names(out, trainedParameters);
                names(out, changedParameters);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new GraftException(file + ": cannot write the trial checkpoint: " + e.getMessage(), e);
        }
    }

    /**
     * @param file a checkpoint file
     * @param key the trial id it must belong to
     * @return the checkpoint, or empty when there is none, it belongs to something else, or it is
     *     unreadable (an unreadable checkpoint only costs the epochs it held)
     */
    public static Optional<TrialCheckpoint> read(Path file, String key) {
        try (InputStream stream = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(key)) {
                return Optional.empty();
            }
            int epochsDone = in.readInt();
            long step = in.readLong();
            int n = in.readInt();
            List<EpochMetrics> epochs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int epoch = in.readInt();
                double loss = in.readDouble();
                double trainAccuracy = in.readDouble();
                double validationAccuracy = in.readDouble();
                double validationLoss = in.readDouble();
                double seconds = in.readDouble();
                String groups = in.readUTF();
                epochs.add(new EpochMetrics(epoch, loss, trainAccuracy, validationAccuracy, validationLoss, seconds,
                        groups.isEmpty() ? List.of() : List.of(groups.split("\n"))));
            }
            int bestEpoch = in.readInt();
            byte[] weights = bytes(in);
            byte[] bestWeights = bytes(in);
            Map<String, Integer> steps = new TreeMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                steps.put(in.readUTF(), in.readInt());
            }
            Map<Integer, Map<String, float[]>> values = new TreeMap<>();
            Map<Integer, Map<String, long[]>> shapes = new TreeMap<>();
            for (int slots = in.readInt(); slots > 0; slots--) {
                int slot = in.readInt();
                for (int entries = in.readInt(); entries > 0; entries--) {
                    String name = in.readUTF();
                    long[] shape = new long[in.readInt()];
                    for (int d = 0; d < shape.length; d++) {
                        shape[d] = in.readLong();
                    }
                    float[] v = new float[in.readInt()];
                    for (int j = 0; j < v.length; j++) {
                        v[j] = in.readFloat();
                    }
                    values.computeIfAbsent(slot, s -> new LinkedHashMap<>()).put(name, v);
                    shapes.computeIfAbsent(slot, s -> new LinkedHashMap<>()).put(name, shape);
                }
            }
            Map<String, Double> multipliers = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                multipliers.put(in.readUTF(), in.readDouble());
            }
            List<String> trained = names(in);
            List<String> changed = names(in);
            return Optional.of(new TrialCheckpoint(key, epochsDone, step, epochs, bestEpoch, weights, bestWeights,
                    new PerParameterSteps.Snapshot(steps, values, shapes), multipliers, trained, changed));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // none, or torn: the trial starts over
        }
    }

    private static void names(DataOutputStream out, List<String> names) throws IOException {
        out.writeInt(names.size());
        for (String name : names) {
            out.writeUTF(name);
        }
    }

    private static List<String> names(DataInputStream in) throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            names.add(in.readUTF());
        }
        return List.copyOf(names);
    }

    private static void bytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            out.write(bytes);
        }
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }
}
