package dev.graft.plugins.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.spi.GraftException;
import dev.graft.spi.data.DataContext;
import dev.graft.image.LabeledImages;
import dev.graft.spi.data.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistProviderTest {
    static final Path BUNDLED = Path.of("../../experiments/data").toAbsolutePath().normalize();
    final FashionMnistProvider provider = new FashionMnistProvider();

    @TempDir
    Path dir;

    private DataContext context() {
        return new DataContext(List.of(), Optional.of(BUNDLED), dir);
    }

    @Test
    void loadsTheBundledSubset() {
        FashionMnistConfig config = new FashionMnistConfig(null, "bundled", null);
        LabeledImages train = provider.load(config, Split.TRAIN, context());
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 300, 300, 300, 300, 300}, train.classCounts());
        assertEquals(28, train.height());
        assertEquals("T-shirt/top", train.classNames().get(0));
        float max = 0;
        for (float v : train.pixels()) {
            max = Math.max(max, v);
        }
        assertEquals(1f, max, "pixels are scaled to [0, 1]");
        LabeledImages test = provider.load(config, Split.TEST, context());
        assertEquals(3000, test.size());
        assertEquals(provider.load(config, Split.TEST, context()).checksum(), test.checksum());
    }

    @Test
    void readsTheFullDatasetFromDebiansPackageWhenInstalled() {
        Assumptions.assumeTrue(Files.isDirectory(FashionMnistProvider.SYSTEM_DIR), "dataset-fashion-mnist is not installed");
        LabeledImages test = provider.load(new FashionMnistConfig(null, "system", null), Split.TEST, context());
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, test.classCounts());
    }

    @Test
    void aMissingDirectoryNamesWhereItLooked() {
        GraftException e = assertThrows(GraftException.class,
                () -> provider.describe(new FashionMnistConfig(null, "nowhere", null), context()));
        assertTrue(e.getMessage().startsWith("Fashion-MNIST not found (source: nowhere); looked in " + dir.resolve("nowhere")), e.getMessage());
    }
}
