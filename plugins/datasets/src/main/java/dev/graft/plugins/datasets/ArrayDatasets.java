package dev.graft.plugins.datasets;

import dev.graft.spi.GraftException;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.DatasetInfo;
import dev.graft.spi.data.DatasetProvider;
import dev.graft.image.LabeledImages;
import dev.graft.spi.data.Split;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Labelled arrays from files: {@code csv} (one example per row, the integer label first, an
 * optional header) and {@code hdf5} (an inputs dataset and a labels dataset, read with jhdf).
 * Classes are the distinct label values in increasing order; inputs are divided by {@code scale}.
 * Without a test file the last {@code testFraction} of each class, in file order, is the test split.
 */
final class ArrayDatasets {
    private ArrayDatasets() {}

    /** What the csv and hdf5 configs share. */
    interface Source extends dev.graft.spi.data.DatasetConfig {
        String train();

        String test();

        Double testFraction();

        Double scale();
    }

    static String required(String train) {
        if (train == null || train.isBlank()) {
            throw new dev.graft.spi.InvalidConfigException("train", "is required: the training file");
        }
        return train;
    }

    static double fraction(Double testFraction) {
        double f = testFraction == null ? 0.2 : testFraction;
        if (!(f > 0 && f < 1)) {
            throw new dev.graft.spi.InvalidConfigException("testFraction", "must be in (0, 1), got " + f);
        }
        return f;
    }

    static double scale(Double scale) {
        double s = scale == null ? 255.0 : scale;
        if (!(s > 0)) {
            throw new dev.graft.spi.InvalidConfigException("scale", "must be positive, got " + s);
        }
        return s;
    }

    /** Inputs (n x values) and labels as read. */
    record Table(float[][] rows, int[] labels, int channels, int height, int width, String checksum) {}

    /** The shared provider: only reading a file differs. */
    abstract static class Provider<C extends Source> implements DatasetProvider<C> {
        private final Class<C> configClass;

        Provider(Class<C> configClass) {
            this.configClass = configClass;
        }

        abstract Table read(Path file, C config);

        @Override
        public Class<C> configClass() {
            return configClass;
        }

        @Override
        public DatasetInfo describe(C config, DataContext context) {
            LabeledImages train = load(config, Split.TRAIN, context);
            return new DatasetInfo(train.classNames(), train.format());
        }

        @Override
        public LabeledImages load(C config, Split split, DataContext context) {
            Path trainFile = context.descriptorDir().resolve(config.train()).normalize();
            Table train = read(trainFile, config);
            TreeSet<Integer> values = new TreeSet<>();
            for (int label : train.labels()) {
                values.add(label);
            }
            List<Integer> classValues = new ArrayList<>(values);
            Table table;
            List<Integer> keep = new ArrayList<>();
            if (config.test() != null) {
                table = split == Split.TRAIN ? train : read(context.descriptorDir().resolve(config.test()).normalize(), config);
                for (int i = 0; i < table.labels().length; i++) {
                    keep.add(i);
                }
            } else {
                table = train;
                for (int value : classValues) {
                    List<Integer> ofClass = new ArrayList<>();
                    for (int i = 0; i < train.labels().length; i++) {
                        if (train.labels()[i] == value) {
                            ofClass.add(i);
                        }
                    }
                    int test = (int) Math.round(ofClass.size() * config.testFraction());
                    keep.addAll(split == Split.TRAIN ? ofClass.subList(0, ofClass.size() - test) : ofClass.subList(ofClass.size() - test, ofClass.size()));
                }
                keep.sort(Integer::compare);
            }
            int size = table.channels() * table.height() * table.width();
            float[] pixels = new float[keep.size() * size];
            int[] labels = new int[keep.size()];
            for (int k = 0; k < keep.size(); k++) {
                int i = keep.get(k);
                int index = classValues.indexOf(table.labels()[i]);
                if (index < 0) {
                    throw new GraftException(config.test() + ": label " + table.labels()[i] + " is not among the training labels " + classValues);
                }
                labels[k] = index;
                System.arraycopy(table.rows()[i], 0, pixels, k * size, size);
            }
            return new LabeledImages(pixels, labels, table.channels(), table.height(), table.width(),
                    classValues.stream().map(String::valueOf).toList(), table.checksum(), trainFile + " (" + split.name().toLowerCase() + ")");
        }
    }

    /** {@code csv}. */
    static final class Csv extends Provider<CsvDatasetConfig> {
        Csv() {
            super(CsvDatasetConfig.class);
        }

        @Override
        public String name() {
            return "csv";
        }

        @Override
        public String description() {
            return "labelled arrays in CSV: one example per row, integer label first (Kaggle MNIST style), optional header";
        }

        @Override
        Table read(Path file, CsvDatasetConfig config) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new GraftException(file + ": cannot read: " + e.getMessage(), e);
            }
            List<float[]> rows = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            int width = -1;
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n).strip();
                if (line.isEmpty()) {
                    continue;
                }
                String[] cells = line.split(",");
                if (n == 0 && !cells[0].strip().matches("-?\\d+(\\.0*)?")) {
                    continue; // a header
                }
                if (width >= 0 && cells.length - 1 != width) {
                    throw new GraftException(file + ":" + (n + 1) + ": " + (cells.length - 1) + " values, the rows above have " + width);
                }
                width = cells.length - 1;
                float[] row = new float[width];
                try {
                    double label = Double.parseDouble(cells[0].strip());
                    if (label != Math.rint(label)) {
                        throw new GraftException(file + ":" + (n + 1) + ": the label " + cells[0] + " is not an integer");
                    }
                    labels.add((int) label);
                    for (int j = 0; j < width; j++) {
                        row[j] = (float) (Double.parseDouble(cells[j + 1].strip()) / config.scale());
                    }
                } catch (NumberFormatException e) {
                    throw new GraftException(file + ":" + (n + 1) + ": not a number: " + e.getMessage().replace("For input string: ", ""));
                }
                rows.add(row);
            }
            if (rows.isEmpty()) {
                throw new GraftException(file + ": no rows");
            }
            int[] shape = shape(file, config, width);
            return new Table(rows.toArray(new float[0][]), labels.stream().mapToInt(Integer::intValue).toArray(), shape[0], shape[1], shape[2],
                    checksum(file));
        }
    }

    /** {@code hdf5}. */
    static final class Hdf5 extends Provider<Hdf5DatasetConfig> {
        Hdf5() {
            super(Hdf5DatasetConfig.class);
        }

        @Override
        public String name() {
            return "hdf5";
        }

        @Override
        public String description() {
            return "labelled arrays in HDF5 (jhdf): an inputs dataset (N x H x W, N x C x H x W, or N x H x W x C) and an integer labels dataset";
        }

        @Override
        Table read(Path file, Hdf5DatasetConfig config) {
            if (!Files.isRegularFile(file)) {
                throw new GraftException(file + ": no such file");
            }
            try (HdfFile hdf = new HdfFile(file)) {
                Dataset images = dataset(hdf, file, config.images());
                Dataset labels = dataset(hdf, file, config.labels());
                int[] dims = images.getDimensions();
                int n = dims[0];
                int[] chw = switch (dims.length) {
                    case 2 -> new int[] {dims[1], 1, 1};
                    case 3 -> new int[] {1, dims[1], dims[2]};
                    case 4 -> config.channelsLast() ? new int[] {dims[3], dims[1], dims[2]} : new int[] {dims[1], dims[2], dims[3]};
                    default -> throw new GraftException(file + ":" + config.images() + ": expected 2 to 4 dimensions, got " + dims.length);
                };
                double[] flat = doubles(file, config.images(), images.getDataFlat());
                double[] labelValues = doubles(file, config.labels(), labels.getDataFlat());
                if (labelValues.length != n) {
                    throw new GraftException(file + ": " + labelValues.length + " labels for " + n + " examples");
                }
                int size = chw[0] * chw[1] * chw[2];
                float[][] rows = new float[n][size];
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (int) labelValues[i];
                    for (int c = 0; c < chw[0]; c++) {
                        for (int p = 0; p < chw[1] * chw[2]; p++) {
                            double v = dims.length == 4 && config.channelsLast() ? flat[(i * chw[1] * chw[2] + p) * chw[0] + c]
                                    : flat[i * size + c * chw[1] * chw[2] + p];
                            rows[i][c * chw[1] * chw[2] + p] = (float) (v / config.scale());
                        }
                    }
                }
                return new Table(rows, out, chw[0], chw[1], chw[2], checksum(file));
            } catch (io.jhdf.exceptions.HdfException | IllegalArgumentException e) {
                throw new GraftException(file + ": cannot read as HDF5 (corrupt, truncated or not HDF5): " + e.getMessage(), e);
            }
        }

        private static Dataset dataset(HdfFile hdf, Path file, String name) {
            Node node;
            try {
                node = hdf.getByPath(name);
            } catch (RuntimeException e) {
                node = null;
            }
            if (!(node instanceof Dataset dataset)) {
                throw new GraftException(file + ": no dataset '" + name + "'");
            }
            return dataset;
        }

        private static double[] doubles(Path file, String name, Object flat) {
            if (flat instanceof double[] d) {
                return d;
            }
            int length = java.lang.reflect.Array.getLength(flat);
            double[] out = new double[length];
            for (int i = 0; i < length; i++) {
                Object v = java.lang.reflect.Array.get(flat, i);
                if (!(v instanceof Number number)) {
                    throw new GraftException(file + ":" + name + " is not numeric");
                }
                out[i] = number.doubleValue();
            }
            return out;
        }
    }

    private static int[] shape(Path file, CsvDatasetConfig config, int values) {
        if (config.shape() != null) {
            int size = config.shape().get(0) * config.shape().get(1) * config.shape().get(2);
            if (size != values) {
                throw new GraftException(file + ": rows hold " + values + " values but shape " + config.shape() + " needs " + size);
            }
            return new int[] {config.shape().get(0), config.shape().get(1), config.shape().get(2)};
        }
        int side = (int) Math.round(Math.sqrt(values));
        if (side * side != values) {
            throw new GraftException(file + ": rows hold " + values + " values, not a square image; give shape: [channels, height, width]");
        }
        return new int[] {1, side, side};
    }

    private static String checksum(Path file) {
        try {
            return dev.graft.spi.Sha256.of(Files.readAllBytes(file)).substring(0, 32);
        } catch (IOException e) {
            throw new GraftException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
