package dev.graft.plugins.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.spi.GraftException;
import dev.graft.spi.data.DataContext;
import dev.graft.image.LabeledImages;
import dev.graft.spi.data.Split;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrayDatasetsTest {
    @TempDir
    Path dir;

    /** 30 examples of 2x2 pixels, labels 3, 5, 7 interleaved; pixel j of example i is (i * 4 + j) % 256. */
    static double[][][] pixels() {
        double[][][] x = new double[30][2][2];
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j / 2][j % 2] = (i * 4 + j) % 256;
            }
        }
        return x;
    }

    static int[] labels() {
        int[] y = new int[30];
        for (int i = 0; i < 30; i++) {
            y[i] = new int[] {3, 5, 7}[i % 3];
        }
        return y;
    }

    /** Writes the same 30 examples (2 x 2, labels 3, 5, 7) as data.csv and data.h5. */
    static void writeFixtures(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("label,p0,p1,p2,p3\n");
        double[][][] x = pixels();
        int[] y = labels();
        for (int i = 0; i < 30; i++) {
            csv.append(y[i]).append(',').append(x[i][0][0]).append(',').append(x[i][0][1]).append(',').append(x[i][1][0]).append(',')
                    .append(x[i][1][1]).append('\n');
        }
        Files.writeString(dir.resolve("data.csv"), csv);
        try (WritableHdfFile file = HdfFile.write(dir.resolve("data.h5"))) {
            file.putDataset("images", x);
            file.putDataset("labels", y);
        }
    }

    @Test
    void csvAndHdf5GiveTheSameExamplesClassesAndSplits() throws IOException {
        writeFixtures(dir);
        DataContext context = new DataContext(List.of(), Optional.empty(), dir);
        LabeledImages fromCsv = new ArrayDatasets.Csv().load(new CsvDatasetConfig(null, "data.csv", null, null, null, null, null), Split.TRAIN, context);
        LabeledImages fromH5 = new ArrayDatasets.Hdf5().load(new Hdf5DatasetConfig(null, "data.h5", null, null, null, null, null, null, null),
                Split.TRAIN, context);
        assertEquals(List.of("3", "5", "7"), fromCsv.classNames());
        assertEquals(24, fromCsv.size(), "the last fifth of each class (2 of 10) is the test split");
        assertEquals(2, fromCsv.height());
        assertArrayEquals(fromCsv.pixels(), fromH5.pixels());
        assertArrayEquals(fromCsv.labels(), fromH5.labels());
        assertEquals(5f / 255, fromCsv.pixels()[5], 1e-7f);
        LabeledImages test = new ArrayDatasets.Csv().load(new CsvDatasetConfig(null, "data.csv", null, null, null, null, null), Split.TEST, context);
        assertEquals(6, test.size());
        assertEquals(1, test.labels()[1], "label 5 is class 1");
    }

    @Test
    void raggedRowsAndShapesAreClearErrors() throws IOException {
        Files.writeString(dir.resolve("ragged.csv"), "0,1,2,3,4\n1,1,2,3\n");
        DataContext context = new DataContext(List.of(), Optional.empty(), dir);
        GraftException e = assertThrows(GraftException.class,
                () -> new ArrayDatasets.Csv().load(new CsvDatasetConfig(null, "ragged.csv", null, null, null, null, null), Split.TRAIN, context));
        assertTrue(e.getMessage().contains("ragged.csv:2: 3 values, the rows above have 4"), e.getMessage());
        Files.writeString(dir.resolve("odd.csv"), "0,1,2,3\n1,1,2,3\n");
        e = assertThrows(GraftException.class,
                () -> new ArrayDatasets.Csv().load(new CsvDatasetConfig(null, "odd.csv", null, null, null, null, null), Split.TRAIN, context));
        assertTrue(e.getMessage().contains("not a square image") && e.getMessage().contains("shape:"), e.getMessage());
        LabeledImages features = new ArrayDatasets.Csv().load(new CsvDatasetConfig(null, "odd.csv", null, 0.5, List.of(3, 1, 1), 1.0, null),
                Split.TRAIN, context);
        assertEquals(3, features.channels());
        Files.writeString(dir.resolve("bad.h5"), "not hdf5");
        e = assertThrows(GraftException.class, () -> new ArrayDatasets.Hdf5().load(
                new Hdf5DatasetConfig(null, "bad.h5", null, null, null, null, null, null, null), Split.TRAIN, context));
        assertTrue(e.getMessage().contains("bad.h5"), e.getMessage());
    }
}
