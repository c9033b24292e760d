package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graft score} reads the same matrix from CSV, .npy and HDF5 alike and fails clearly on bad input. */
class ScoreCommandTest {
    @TempDir
    Path dir;

    static final int ROWS = 30;
    static final int COLS = 4;

    double[][] features() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] f = new double[ROWS][COLS];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < COLS; j++) {
                f[i][j] = random.nextDouble() + (i % 3 == 1 && j == 0 ? 1.5 : 0);
            }
        }
        return f;
    }

    Path csv(double[][] f) throws IOException {
        StringBuilder text = new StringBuilder("a,b,c,d\n");
        for (double[] row : f) {
            text.append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append(',').append(row[3]).append('\n');
        }
        return Files.writeString(dir.resolve("f.csv"), text);
    }

    Path npy(double[][] f, String name, boolean truncate) throws IOException {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + f.length + ", " + f[0].length + "), }";
        int padded = ((10 + header.length() + 1 + 63) / 64) * 64 - 10;
        header = header + " ".repeat(padded - header.length() - 1) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + f.length * f[0].length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 1).put((byte) 0);
        buffer.putShort((short) header.length()).put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double[] row : f) {
            for (double v : row) {
                buffer.putDouble(v);
            }
        }
        byte[] bytes = buffer.array();
        return Files.write(dir.resolve(name), truncate ? java.util.Arrays.copyOf(bytes, bytes.length - 8) : bytes);
    }

    Path hdf5(double[][] f) {
        Path path = dir.resolve("f.h5");
        try (WritableHdfFile file = HdfFile.write(path)) {
            file.putGroup("backbone").putDataset("features", f);
            file.putDataset("other", new double[] {1, 2});
        }
        return path;
    }

    Path labels() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            text.append(i % 3).append('\n');
        }
        return Files.writeString(dir.resolve("y.csv"), text);
    }

    static String values(GraftCliTest.Result result) {
        StringBuilder out = new StringBuilder();
        for (String line : result.out().split("\n")) {
            String[] cells = line.split("\t");
            out.append(cells[0]).append('=').append(cells[1]).append(';');
        }
        return out.toString();
    }

    @Test
    void theSameMatrixScoresTheSameFromEveryFormat() throws IOException {
        double[][] f = features();
        String y = labels().toString();
        String[] metrics = {"--metric", "logme", "--metric", "h-score", "--metric", "{type: knn-accuracy, k: 3}", "--metric", "transrate"};
        GraftCliTest.Result fromCsv = GraftCliTest.graft(concat(new String[] {"score", "--features", csv(f).toString(), "--labels", y}, metrics));
        assertEquals(0, fromCsv.code(), fromCsv.out() + fromCsv.err());
        GraftCliTest.Result fromNpy = GraftCliTest.graft(concat(new String[] {"score", "--features", npy(f, "f.npy", false).toString(), "--labels", y},
                metrics));
        GraftCliTest.Result fromHdf5 = GraftCliTest.graft(concat(new String[] {"score", "--features", hdf5(f) + ":/backbone/features",
                "--labels", y}, metrics));
        assertEquals(values(fromCsv), values(fromNpy));
        assertEquals(values(fromCsv), values(fromHdf5));
        assertTrue(fromCsv.out().startsWith("logme\t"), fromCsv.out());
        assertEquals(4, fromCsv.out().split("\n").length);
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void badInputsAreOneClearMessageAndExitCodeTwo() throws IOException {
        double[][] f = features();
        String y = labels().toString();
        GraftCliTest.Result truncated = GraftCliTest.graft("score", "--features", npy(f, "t.npy", true).toString(), "--labels", y, "--metric", "logme");
        assertEquals(2, truncated.code());
        assertTrue(truncated.err().contains("t.npy: truncated"), truncated.err());
        GraftCliTest.Result ambiguous = GraftCliTest.graft("score", "--features", hdf5(f).toString(), "--labels", y, "--metric", "logme");
        assertEquals(2, ambiguous.code());
        assertTrue(ambiguous.err().contains("holds 2 datasets"), ambiguous.err());
        GraftCliTest.Result unknown = GraftCliTest.graft("score", "--features", csv(f).toString(), "--labels", y, "--metric", "lgme");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Did you mean 'logme'?") && unknown.out().isEmpty(), unknown.err());
        GraftCliTest.Result noProbs = GraftCliTest.graft("score", "--features", csv(f).toString(), "--labels", y, "--metric", "leep");
        assertEquals(2, noProbs.code());
        assertTrue(noProbs.err().contains("--source-probs"), noProbs.err());
        Path short_ = Files.writeString(dir.resolve("short.csv"), "0\n1\n");
        GraftCliTest.Result mismatch = GraftCliTest.graft("score", "--features", csv(f).toString(), "--labels", short_.toString(), "--metric", "logme");
        assertEquals(2, mismatch.code());
        assertTrue(mismatch.err().contains("2 labels for 30 rows"), mismatch.err());
        Path bad = Files.writeString(dir.resolve("bad.csv"), "1,2\n3,x\n");
        GraftCliTest.Result notANumber = GraftCliTest.graft("score", "--features", bad.toString(), "--labels", y, "--metric", "logme");
        assertTrue(notANumber.err().contains("bad.csv:2: not a number"), notANumber.err());
        GraftCliTest.Result badConfig = GraftCliTest.graft("score", "--features", csv(f).toString(), "--labels", y, "--metric", "{type: knn-accuracy, k: 0}");
        assertEquals(2, badConfig.code());
        assertTrue(badConfig.err().contains("k"), badConfig.err());
        GraftCliTest.Result misspelt = GraftCliTest.graft("score", "--features", csv(f).toString(), "--labels", y, "--metric", "{type: knn-accuracy, kk: 3}");
        assertEquals(2, misspelt.code());
        assertEquals("graft: --metric {type: knn-accuracy, kk: 3}: unknown field 'kk' in 'knn-accuracy'. Did you mean 'k'? Fields: k",
                misspelt.err().strip());
        // a NaN used to reach the metrics (a stack trace from commons-math, or a wrong kNN accuracy)
        double[][] withNan = features();
        withNan[4][2] = Double.NaN;
        GraftCliTest.Result nan = GraftCliTest.graft("score", "--features", csv(withNan).toString(), "--labels", y, "--metric", "knn-accuracy",
                "--metric", "logme");
        assertEquals(2, nan.code());
        assertTrue(nan.err().strip().endsWith("row 5, column 3 is NaN; every value must be a finite number") && nan.out().isEmpty(),
                nan.out() + nan.err());
        assertEquals(1, nan.err().strip().lines().count(), "one line, no stack trace: " + nan.err());
    }
}
