package dev.graft.cli;

import dev.graft.spi.GraftException;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a numeric matrix (or vector, as one column) from CSV, NumPy {@code .npy} or HDF5. An HDF5
 * path may name its dataset after a colon ({@code features.h5:/backbone/features}); without one
 * the file must hold exactly one dataset. Every error names the file.
 */
final class ArrayFiles {
    private ArrayFiles() {}

    /**
     * @param spec a path, for HDF5 optionally {@code path:/dataset}
     * @return the rows
     */
    static double[][] read(String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        int h5 = Math.max(lower.lastIndexOf(".h5"), Math.max(lower.lastIndexOf(".hdf5"), lower.lastIndexOf(".hdf")));
        if (h5 >= 0) {
            int colon = spec.indexOf(':', h5);
            return hdf5(Path.of(colon < 0 ? spec : spec.substring(0, colon)), colon < 0 ? null : spec.substring(colon + 1));
        }
        Path path = Path.of(spec);
        if (!Files.isRegularFile(path)) {
            throw new GraftException(path + ": no such file");
        }
        return lower.endsWith(".npy") ? npy(path) : text(path);
    }

    /**
     * @param spec a file of one label per row
     * @return the labels, checked to be non-negative integers
     */
    static int[] labels(String spec) {
        double[][] rows = read(spec);
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != 1) {
                throw new GraftException(spec + ": labels need one value per row, row " + (i + 1) + " has " + rows[i].length);
            }
            double v = rows[i][0];
            if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
                throw new GraftException(spec + ": row " + (i + 1) + ": a label must be a non-negative integer, got " + v);
            }
            labels[i] = (int) v;
        }
        return labels;
    }

    private static double[][] text(Path path) {
        List<double[]> rows = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            int width = -1;
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\s*[,;\\t ]\\s*");
                double[] row = new double[cells.length];
                try {
                    for (int j = 0; j < cells.length; j++) {
                        row[j] = Double.parseDouble(cells[j]);
                    }
                } catch (NumberFormatException e) {
                    if (rows.isEmpty() && width < 0) {
                        width = cells.length; // a header
                        continue;
                    }
                    throw new GraftException(path + ":" + (n + 1) + ": not a number: " + e.getMessage().replace("For input string: ", ""));
                }
                if (width >= 0 && row.length != width) {
                    throw new GraftException(path + ":" + (n + 1) + ": " + row.length + " values, the rows above have " + width);
                }
                width = row.length;
                rows.add(row);
            }
        } catch (IOException e) {
            throw new GraftException(path + ": cannot read: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new GraftException(path + ": no rows");
        }
        return rows.toArray(new double[0][]);
    }

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** NumPy's format: magic, version, a header dict (descr, fortran_order, shape), raw values. */
    private static double[][] npy(Path path) {
        try (InputStream stream = Files.newInputStream(path); DataInputStream in = new DataInputStream(stream)) {
            byte[] magic = new byte[6];
            in.readFully(magic);
            if (magic[0] != (byte) 0x93 || !new String(magic, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
                throw new GraftException(path + ": not a .npy file (bad magic)");
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            int headerLength = major == 1 ? Short.toUnsignedInt(Short.reverseBytes(in.readShort())) : Integer.reverseBytes(in.readInt());
            byte[] headerBytes = new byte[headerLength];
            in.readFully(headerBytes);
            String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
            Matcher descr = DESCR.matcher(header);
            Matcher fortran = FORTRAN.matcher(header);
            Matcher shape = SHAPE.matcher(header);
            if (!descr.find() || !fortran.find() || !shape.find()) {
                throw new GraftException(path + ": unreadable .npy header: " + header.strip());
            }
            String[] dims = shape.group(1).split(",");
            List<Integer> sizes = new ArrayList<>();
            for (String d : dims) {
                if (!d.isBlank()) {
                    sizes.add(Integer.parseInt(d.strip()));
                }
            }
            if (sizes.isEmpty() || sizes.size() > 2) {
                throw new GraftException(path + ": expected a vector or a matrix, got shape (" + shape.group(1) + ")");
            }
            int rows = sizes.get(0);
            int cols = sizes.size() == 2 ? sizes.get(1) : 1;
            char kind = descr.group(2).charAt(0);
            int bytes = Integer.parseInt(descr.group(3));
            ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE, (long) rows * cols * bytes));
            if (data.length != (long) rows * cols * bytes) {
                throw new GraftException(path + ": truncated: " + data.length + " bytes of data, the header promises " + ((long) rows * cols * bytes));
            }
            ByteBuffer buffer = ByteBuffer.wrap(data).order(order);
            boolean fortranOrder = fortran.group(1).equals("True");
            double[][] out = new double[rows][cols];
            for (int k = 0; k < rows * cols; k++) {
                double v = switch (kind + "" + bytes) {
                    case "f8" -> buffer.getDouble();
                    case "f4" -> buffer.getFloat();
                    case "i8" -> buffer.getLong();
                    case "i4" -> buffer.getInt();
                    case "i2" -> buffer.getShort();
                    case "i1" -> buffer.get();
                    case "u1", "b1" -> Byte.toUnsignedInt(buffer.get());
                    case "u2" -> Short.toUnsignedInt(buffer.getShort());
                    case "u4" -> Integer.toUnsignedLong(buffer.getInt());
                    default -> throw new GraftException(path + ": unsupported dtype " + descr.group(0));
                };
                int r = fortranOrder ? k % rows : k / cols;
                int c = fortranOrder ? k / rows : k % cols;
                out[r][c] = v;
            }
            return out;
        } catch (IOException e) {
            throw new GraftException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static double[][] hdf5(Path path, String datasetPath) {
        if (!Files.isRegularFile(path)) {
            throw new GraftException(path + ": no such file");
        }
        try (HdfFile file = new HdfFile(path)) {
            Dataset dataset;
            if (datasetPath != null) {
                Node node = file.getByPath(datasetPath);
                if (!(node instanceof Dataset d)) {
                    throw new GraftException(path + ":" + datasetPath + " is not a dataset");
                }
                dataset = d;
            } else {
                List<Dataset> all = new ArrayList<>();
                collect(file, all);
                if (all.size() != 1) {
                    throw new GraftException(path + " holds " + all.size() + " datasets " + all.stream().map(Dataset::getPath).toList()
                            + "; name one as " + path + ":/name");
                }
                dataset = all.get(0);
            }
            int[] dims = dataset.getDimensions();
            if (dims.length < 1 || dims.length > 2) {
                throw new GraftException(path + ":" + dataset.getPath() + ": expected a vector or a matrix, got " + dims.length + " dimensions");
            }
            Object data = dataset.getData();
            double[][] out = new double[dims[0]][];
            for (int i = 0; i < dims[0]; i++) {
                Object row = Array.get(data, i);
                if (dims.length == 1) {
                    out[i] = new double[] {((Number) row).doubleValue()};
                } else {
                    out[i] = new double[dims[1]];
                    for (int j = 0; j < dims[1]; j++) {
                        out[i][j] = ((Number) Array.get(row, j)).doubleValue();
                    }
                }
            }
            return out;
        } catch (io.jhdf.exceptions.HdfException e) {
            throw new GraftException(path + ": cannot read as HDF5: " + e.getMessage(), e);
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new GraftException(path + ": the dataset is not numeric", e);
        }
    }

    private static void collect(Group group, List<Dataset> out) {
        for (Node child : group.getChildren().values()) {
            if (child instanceof Dataset d) {
                out.add(d);
            } else if (child instanceof Group g) {
                collect(g, out);
            }
        }
    }
}
