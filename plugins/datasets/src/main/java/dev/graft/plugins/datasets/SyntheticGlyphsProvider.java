package dev.graft.plugins.datasets;

import dev.graft.image.ImageFormat;
import dev.graft.spi.GraftException;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.DatasetInfo;
import dev.graft.spi.data.DatasetProvider;
import dev.graft.image.LabeledImages;
import dev.graft.spi.data.Split;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Digits or letters drawn with the fonts installed on the machine (Java2D), white on black like
 * MNIST, each image with a random font and style, rotation, shear, scale, position jitter and
 * Gaussian noise. Every image draws from its own random stream (seed, split, class, index), so
 * the set is the same on every run and is rendered in parallel. The images depend on the
 * installed fonts and Java2D's rasteriser: the checksum covers the font list, and a machine with
 * other fonts gets other images.
 */
public final class SyntheticGlyphsProvider implements DatasetProvider<SyntheticGlyphsConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "synthetic-glyphs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SyntheticGlyphsConfig> configClass() {
        return SyntheticGlyphsConfig.class;
    }

    @Override
    public String description() {
        return "digits or letters rendered with the installed fonts (Java2D): random font, style, rotation, shear, scale, shift and noise; seeded";
    }

    @Override
    public DatasetInfo describe(SyntheticGlyphsConfig config, DataContext context) {
        fonts(config);
        return new DatasetInfo(classNames(config), new ImageFormat(1, config.size(), config.size()));
    }

    @Override
    public LabeledImages load(SyntheticGlyphsConfig config, Split split, DataContext context) {
        List<String> fonts = fonts(config);
        String characters = config.characters();
        int perClass = split == Split.TRAIN ? config.trainPerClass() : config.testPerClass();
        int size = config.size();
        int n = perClass * characters.length();
        float[] pixels = new float[n * size * size];
        int[] labels = new int[n];
        IntStream.range(0, n).parallel().forEach(k -> {
            int c = k / perClass;
            labels[k] = c;
            long stream = mix(config.seed(), split.ordinal(), c, k % perClass);
            render(characters.charAt(c), fonts, config, new SplittableRandom(stream), pixels, k * size * size);
        });
        String checksum = dev.graft.spi.Sha256.of((config + "|" + fonts + "|" + System.getProperty("java.version")).getBytes(StandardCharsets.UTF_8))
                .substring(0, 32);
        return new LabeledImages(pixels, labels, 1, size, size, classNames(config), checksum,
                "synthetic glyphs '" + characters + "' in " + fonts.size() + " fonts (" + split.name().toLowerCase() + ")");
    }

    private static List<String> classNames(SyntheticGlyphsConfig config) {
        return config.characters().chars().mapToObj(ch -> String.valueOf((char) ch)).toList();
    }

    /** Text faces commonly installed on Linux machines; symbol and math fonts would draw other shapes for the same code points. */
    static final List<String> TEXT_FONTS = List.of("DejaVu Sans", "DejaVu Sans Condensed", "DejaVu Sans Mono", "DejaVu Serif",
            "DejaVu Serif Condensed", "Liberation Sans", "Liberation Sans Narrow", "Liberation Serif", "Liberation Mono", "FreeSans",
            "FreeSerif", "FreeMono", "Noto Sans", "Noto Serif", "Noto Sans Mono", "Ubuntu", "Ubuntu Mono", "Cantarell", "Arial",
            "Times New Roman", "Courier New", "Helvetica", "Verdana", "Georgia");

    /**
     * The font families to draw with: the configured ones, or every installed family of {@link
     * #TEXT_FONTS} (text faces; symbol and math fonts also claim the digits' code points but draw
     * other shapes), keeping those that draw a non-empty outline for every glyph.
     */
    static List<String> fonts(SyntheticGlyphsConfig config) {
        List<String> installed;
        try {
            installed = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        } catch (RuntimeException | Error e) {
            throw new GraftException("synthetic-glyphs: Java2D cannot list fonts (" + e + "); install fonts, e.g. apt-get install fonts-dejavu-core");
        }
        for (String family : config.fonts() == null ? List.<String>of() : config.fonts()) {
            if (!installed.contains(family)) {
                throw new GraftException("synthetic-glyphs: font '" + family + "' is not installed; installed: " + String.join(", ", installed));
            }
        }
        List<String> wanted = config.fonts() != null ? config.fonts() : TEXT_FONTS.stream().filter(installed::contains).toList();
        FontRenderContext context = new FontRenderContext(null, true, true);
        List<String> chosen = new ArrayList<>();
        for (String family : wanted) {
            Font font = new Font(family, Font.PLAIN, 100);
            boolean drawsAll = font.canDisplayUpTo(config.characters()) == -1;
            for (int i = 0; drawsAll && i < config.characters().length(); i++) {
                Rectangle2D bounds = font.createGlyphVector(context, config.characters().substring(i, i + 1)).getOutline().getBounds2D();
                drawsAll = bounds.getWidth() > 0 && bounds.getHeight() > 0;
            }
            if (drawsAll) {
                chosen.add(family);
            }
        }
        if (chosen.isEmpty()) {
            throw new GraftException("synthetic-glyphs: no installed text font draws '" + config.characters() + "' (looked for "
                    + (config.fonts() != null ? config.fonts() : TEXT_FONTS) + "); install fonts, e.g. apt-get install fonts-dejavu-core, "
                    + "or name installed families in fonts:");
        }
        return chosen;
    }

    private static void render(char glyph, List<String> fonts, SyntheticGlyphsConfig config, SplittableRandom random, float[] out, int offset) {
        int size = config.size();
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            String family = fonts.get(random.nextInt(fonts.size()));
            int style = random.nextBoolean() ? Font.BOLD : Font.PLAIN;
            Font font = new Font(family, style, 100);
            FontRenderContext context = g.getFontRenderContext();
            Shape outline = font.createGlyphVector(context, String.valueOf(glyph)).getOutline();
            Rectangle2D bounds = outline.getBounds2D();
            double scale = (config.minScale() + random.nextDouble() * (1 - config.minScale())) * 0.75 * size
                    / Math.max(bounds.getWidth(), bounds.getHeight());
            double angle = Math.toRadians((random.nextDouble() * 2 - 1) * config.maxRotation());
            double shear = (random.nextDouble() * 2 - 1) * config.maxShear();
            double jitter = 0.08 * size;
            AffineTransform transform = new AffineTransform();
            transform.translate(size / 2.0 + (random.nextDouble() * 2 - 1) * jitter, size / 2.0 + (random.nextDouble() * 2 - 1) * jitter);
            transform.rotate(angle);
            transform.shear(shear, 0);
            transform.scale(scale, scale);
            transform.translate(-bounds.getCenterX(), -bounds.getCenterY());
            g.setColor(java.awt.Color.WHITE);
            g.fill(transform.createTransformedShape(outline));
        } finally {
            g.dispose();
        }
        byte[] raster = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < size * size; i++) {
            double v = (raster[i] & 0xff) / 255.0 + config.noise() * random.nextGaussian();
            out[offset + i] = (float) Math.min(1, Math.max(0, v));
        }
    }

    /** One random stream per image: a hash of seed, split, class and index. */
    private static long mix(long seed, int split, int label, int index) {
        long h = seed * 0x9E3779B97F4A7C15L + split;
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + label;
        h = (h ^ (h >>> 29)) * 0x94D049BB133111EBL + index;
        return h ^ (h >>> 32);
    }
}
