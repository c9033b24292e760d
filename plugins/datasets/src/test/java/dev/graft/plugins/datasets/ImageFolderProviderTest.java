package dev.graft.plugins.datasets;

import dev.graft.image.ImageFormat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.spi.GraftException;
import dev.graft.spi.data.DataContext;
import dev.graft.image.LabeledImages;
import dev.graft.spi.data.Split;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderProviderTest {
    @TempDir
    Path dir;

    static ImageFolderConfig config(String root, Integer size, boolean skip) {
        return new ImageFolderConfig(null, root, null, null, size, null, skip, null);
    }

    @Test
    void theExampleFolderHoldsTheBundledFashionImagesExactly() {
        DataContext context = new DataContext(List.of(), Optional.empty(), FashionMnistProviderTest.BUNDLED);
        LabeledImages train = new ImageFolderProvider().load(config("image-folder-example", null, false), Split.TRAIN, context);
        LabeledImages test = new ImageFolderProvider().load(config("image-folder-example", null, false), Split.TEST, context);
        assertEquals(List.of("ankle-boot", "bag", "sandal", "shirt", "sneaker"), train.classNames());
        assertEquals(200, train.size());
        assertEquals(100, test.size());
        assertEquals(1, train.channels());
        // sandal/000.png is the first training image of class 5 in the bundled subset
        LabeledImages fashion = new FashionMnistProvider().load(new FashionMnistConfig(null, "bundled", null), Split.TRAIN,
                new DataContext(List.of(), Optional.of(FashionMnistProviderTest.BUNDLED), dir));
        int first = 0;
        while (fashion.labels()[first] != 5) {
            first++;
        }
        int sandal = 0;
        while (train.labels()[sandal] != 2) {
            sandal++;
        }
        assertArrayEquals(Arrays.copyOfRange(fashion.pixels(), first * 784, (first + 1) * 784),
                Arrays.copyOfRange(train.pixels(), sandal * 784, (sandal + 1) * 784));
    }

    static void write(Path file, int width, int height, int type) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, type);
        image.getRaster().setSample(0, 0, 0, 200);
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void badFilesAreListedOrSkippedAndSizesMustAgreeUnlessResized() throws IOException {
        for (int i = 0; i < 5; i++) {
            write(dir.resolve("root/a/" + i + ".png"), 8, 8, BufferedImage.TYPE_BYTE_GRAY);
            write(dir.resolve("root/b/" + i + ".png"), 8, 8, BufferedImage.TYPE_BYTE_GRAY);
        }
        Files.writeString(dir.resolve("root/a/2b.png"), "not a png");
        Files.writeString(dir.resolve("root/b/notes.txt"), "ignored: not an image extension");
        DataContext context = new DataContext(List.of(), Optional.empty(), dir);
        // describing reads listings and headers only: counts of the training split (the last fifth held out), no decoding errors
        dev.graft.spi.data.DatasetInfo info = new ImageFolderProvider().describe(config("root", null, false), context);
        assertEquals(List.of("a", "b"), info.classNames());
        assertEquals(List.of(5, 4), info.trainCounts(), "a: 6 files less 1 held out; b: 5 less 1");
        assertEquals(new ImageFormat(1, 8, 8), info.format());
        GraftException e = assertThrows(GraftException.class, () -> new ImageFolderProvider().load(config("root", null, false), Split.TRAIN, context));
        assertTrue(e.getMessage().contains("2b.png") && e.getMessage().contains("skipBadFiles"), e.getMessage());
        LabeledImages skipped = new ImageFolderProvider().load(config("root", null, true), Split.TRAIN, context);
        // per class the last fifth by name (4.png) is held out for test; a's broken 2b.png is skipped
        assertEquals(8, skipped.size());
        LabeledImages test = new ImageFolderProvider().load(config("root", null, true), Split.TEST, context);
        assertEquals(2, test.size());

        write(dir.resolve("root/b/0big.png"), 16, 16, BufferedImage.TYPE_BYTE_GRAY);
        Files.delete(dir.resolve("root/a/2b.png"));
        GraftException sizes = assertThrows(GraftException.class, () -> new ImageFolderProvider().load(config("root", null, false), Split.TRAIN, context));
        assertTrue(sizes.getMessage().contains("differ in size") && sizes.getMessage().contains("size:"), sizes.getMessage());
        LabeledImages resized = new ImageFolderProvider().load(config("root", 12, false), Split.TRAIN, context);
        assertEquals(12, resized.height());

        GraftException empty = assertThrows(GraftException.class, () -> new ImageFolderProvider().load(config("nothing", null, false), Split.TRAIN, context));
        assertTrue(empty.getMessage().contains("no such directory"), empty.getMessage());
    }
}
