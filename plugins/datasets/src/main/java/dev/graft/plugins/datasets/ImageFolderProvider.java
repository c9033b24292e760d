package dev.graft.plugins.datasets;

import dev.graft.image.ImageFormat;
import dev.graft.spi.GraftException;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.DatasetInfo;
import dev.graft.spi.data.DatasetProvider;
import dev.graft.image.LabeledImages;
import dev.graft.spi.data.Split;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A folder of images per class, as Keras' {@code flow_from_directory} reads it: {@code
 * root/<class>/*.{png,jpg,jpeg,bmp,gif}}, classes in sorted name order. A {@code root} with
 * {@code train/} and {@code test/} (or a separate {@code test} root) gives the splits; otherwise
 * the last {@code testFraction} of each class's files, by name, is the test split. Images are
 * decoded in parallel, converted to grayscale or RGB and, with {@code size}, resized (bilinear);
 * files that cannot be decoded are all listed in one error, or skipped with a warning.
 */
public final class ImageFolderProvider implements DatasetProvider<ImageFolderConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "image-folder";
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ImageFolderConfig> configClass() {
        return ImageFolderConfig.class;
    }

    @Override
    public String description() {
        return "a folder of images per class (Keras flow_from_directory layout): png, jpg, bmp, gif; train/test sub-folders or a held-out fraction";
    }

    /**
     * Reads file listings and image headers only (no pixels): the classes, the training split's
     * count per class, and the shape the images will have. Files whose header cannot be read are
     * left to {@link #load}, which reports or skips them.
     */
    @Override
    public DatasetInfo describe(ImageFolderConfig config, DataContext context) {
        Layout layout = layout(config, context);
        List<Integer> counts = new ArrayList<>();
        int height = 0;
        int width = 0;
        boolean gray = true;
        for (int c = 0; c < layout.classes().size(); c++) {
            List<Path> train = layout.files(c, Split.TRAIN, config);
            counts.add(train.size());
            for (Path file : train) {
                int[] header = header(file);
                if (header == null) {
                    continue;
                }
                if (height == 0) {
                    height = header[0];
                    width = header[1];
                }
                gray &= header[2] == 1;
                if (!"auto".equals(config.color())) {
                    break; // only the first readable image's size is needed
                }
            }
        }
        if (height == 0) {
            throw new GraftException(layout.root() + ": no readable image in the training split");
        }
        boolean grayscale = switch (config.color()) {
            case "grayscale" -> true;
            case "rgb" -> false;
            default -> gray;
        };
        int size = config.size() == null ? 0 : config.size();
        return new DatasetInfo(layout.classes(), new ImageFormat(grayscale ? 1 : 3, size > 0 ? size : height, size > 0 ? size : width), counts);
    }

    /** Height, width and colour components of an image from its header, or null when it cannot be read. */
    private static int[] header(Path file) {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                javax.imageio.ImageTypeSpecifier type = reader.getRawImageType(0);
                int components = type == null ? 3 : type.getColorModel().getNumColorComponents();
                return new int[] {reader.getHeight(0), reader.getWidth(0), components};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Where a config's images are: the training root's class directories, and the test root if
     * there is one (else the last {@code testFraction} of each class's files are the test split).
     */
    private record Layout(Path root, Path trainRoot, Path testRoot, List<String> classes) {
        /** The files of class {@code c} in {@code split}, sorted by name. */
        List<Path> files(int c, Split split, ImageFolderConfig config) {
            if (split == Split.TEST && testRoot != null) {
                return images(testRoot.resolve(classes.get(c)));
            }
            List<Path> all = images(trainRoot.resolve(classes.get(c)));
            if (testRoot == null) {
                int test = (int) Math.round(all.size() * config.testFraction());
                return split == Split.TRAIN ? all.subList(0, all.size() - test) : all.subList(all.size() - test, all.size());
            }
            return all;
        }
    }

    private static Layout layout(ImageFolderConfig config, DataContext context) {
        Path root = context.descriptorDir().resolve(config.root()).normalize();
        if (!Files.isDirectory(root)) {
            throw new GraftException(root + ": no such directory (image-folder root)");
        }
        Path trainRoot = Files.isDirectory(root.resolve("train")) ? root.resolve("train") : root;
        Path testRoot = config.test() != null ? context.descriptorDir().resolve(config.test()).normalize()
                : Files.isDirectory(root.resolve("test")) ? root.resolve("test") : null;
        return new Layout(root, trainRoot, testRoot, classDirectories(trainRoot));
    }

    @Override
    public LabeledImages load(ImageFolderConfig config, Split split, DataContext context) {
        Layout layout = layout(config, context);
        Path root = layout.root();
        List<String> classes = layout.classes();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            for (Path file : layout.files(c, split, config)) {
                files.add(file);
                labels.add(c);
            }
        }
        if (files.isEmpty()) {
            throw new GraftException(root + ": no images for the " + split.name().toLowerCase(Locale.ROOT) + " split");
        }
        BufferedImage[] decoded = new BufferedImage[files.size()];
        byte[][] contents = new byte[files.size()][];
        String[] errors = new String[files.size()];
        java.util.stream.IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                // each file is read once: decoded and hashed from the same bytes
                contents[i] = Files.readAllBytes(files.get(i));
                decoded[i] = ImageIO.read(new java.io.ByteArrayInputStream(contents[i]));
                if (decoded[i] == null) {
                    errors[i] = files.get(i) + ": not an image ImageIO can decode";
                }
            } catch (IOException | RuntimeException e) {
                errors[i] = files.get(i) + ": " + e.getMessage();
            }
        });
        List<String> bad = Stream.of(errors).filter(e -> e != null).toList();
        if (!bad.isEmpty() && !config.skipBadFiles()) {
            throw new GraftException(bad.size() + " file(s) under " + root + " cannot be read as images (skipBadFiles: true skips them): "
                    + String.join("; ", bad));
        }
        bad.forEach(e -> System.err.println("graft: image-folder: skipping " + e));
        List<BufferedImage> images = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < decoded.length; i++) {
            if (errors[i] == null) {
                images.add(decoded[i]);
                kept.add(labels.get(i));
            }
        }
        boolean gray = switch (config.color()) {
            case "grayscale" -> true;
            case "rgb" -> false;
            default -> images.stream().allMatch(ImageFolderProvider::isGray);
        };
        int height = config.size() != null ? config.size() : images.get(0).getHeight();
        int width = config.size() != null ? config.size() : images.get(0).getWidth();
        int channels = gray ? 1 : 3;
        float[] pixels = new float[images.size() * channels * height * width];
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = images.get(i);
            if (config.size() == null && (image.getHeight() != height || image.getWidth() != width)) {
                throw new GraftException(root + ": images differ in size (" + image.getWidth() + "x" + image.getHeight() + " vs "
                        + width + "x" + height + "); set size: to resize them all");
            }
            BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
            g.dispose();
            int base = i * channels * height * width;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int p = rgb.getRGB(x, y);
                    float r = ((p >> 16) & 0xff) / 255f;
                    float gr = ((p >> 8) & 0xff) / 255f;
                    float b = (p & 0xff) / 255f;
                    int at = y * width + x;
                    if (gray) {
                        pixels[base + at] = image.getRaster().getNumBands() == 1 && config.size() == null
                                ? image.getRaster().getSample(x, y, 0) / 255f : 0.299f * r + 0.587f * gr + 0.114f * b;
                    } else {
                        pixels[base + at] = r;
                        pixels[base + height * width + at] = gr;
                        pixels[base + 2 * height * width + at] = b;
                    }
                }
            }
        }
        String checksum = checksum(files, contents);
        return new LabeledImages(pixels, kept.stream().mapToInt(Integer::intValue).toArray(), channels, height, width, classes, checksum,
                root + " (" + split.name().toLowerCase(Locale.ROOT) + ", " + images.size() + " images)");
    }

    private static boolean isGray(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_BYTE_GRAY || image.getColorModel().getNumColorComponents() == 1;
    }

    private static List<String> classDirectories(Path root) {
        try (Stream<Path> entries = Files.list(root)) {
            List<String> classes = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            if (classes.isEmpty()) {
                throw new GraftException(root + ": no class sub-directories (expected root/<class>/<image>)");
            }
            return classes;
        } catch (IOException e) {
            throw new GraftException(root + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static List<Path> images(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> EXTENSIONS.stream().anyMatch(e -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new GraftException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** The hash of every file's name and content, in order (unreadable files count by name). */
    private static String checksum(List<Path> files, byte[][] contents) {
        MessageDigest sha = dev.graft.spi.Sha256.digest();
        for (int i = 0; i < files.size(); i++) {
            sha.update(files.get(i).getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (contents[i] != null) {
                sha.update(contents[i]);
            }
        }
        return dev.graft.spi.Sha256.hex(sha).substring(0, 32);
    }
}
