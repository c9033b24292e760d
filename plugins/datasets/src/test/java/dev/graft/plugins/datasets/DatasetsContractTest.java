package dev.graft.plugins.datasets;

import dev.graft.spi.GraftModule;
import dev.graft.spi.PluginFactory;
import dev.graft.spi.data.DataContext;
import dev.graft.testkit.PluginContract;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dataset providers keep the plugin contract, on the bundled subsets and on files written here. */
class DatasetsContractTest extends PluginContract {
    @Override
    protected GraftModule module() {
        return new DatasetsModule();
    }

    @Override
    protected List<Refused> refused() {
        return List.of(
                new Refused("fashion-mnist", Map.of("source", " "), "source"),
                new Refused("mnist", Map.of("source", ""), "source"),
                new Refused("image-folder", Map.of(), "root"),
                new Refused("image-folder", Map.of("root", "x", "size", 0), "size"),
                new Refused("image-folder", Map.of("root", "x", "color", "sepia"), "color"),
                new Refused("synthetic-glyphs", Map.of("size", 4), "size"),
                new Refused("csv", Map.of("train", "data.csv", "shape", List.of(1, 0, 2)), "shape"),
                new Refused("hdf5", Map.of("train", "data.h5", "testFraction", 1.0), "testFraction"));
    }

    @Override
    protected DataContext dataContext() {
        return new DataContext(List.of(), Optional.of(FashionMnistProviderTest.BUNDLED), scratch);
    }

    @Override
    protected Map<String, Object> example(PluginFactory<?> factory) {
        return switch (factory.name()) {
            case "fashion-mnist", "mnist" -> Map.of("source", "bundled");
            case "image-folder" -> Map.of("root", FashionMnistProviderTest.BUNDLED.resolve("image-folder-example").toString());
            case "csv" -> Map.of("train", fixtures().resolve("data.csv").toString());
            case "hdf5" -> Map.of("train", fixtures().resolve("data.h5").toString());
            default -> factory.example();
        };
    }

    @Override
    protected Optional<String> unavailable(PluginFactory<?> factory) {
        boolean fonts = SyntheticGlyphsProvider.TEXT_FONTS.stream().anyMatch(
                Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())::contains);
        return factory.name().equals("synthetic-glyphs") && !fonts
                ? Optional.of("no text font installed (apt-get install fonts-dejavu-core; .ci/run does)")
                : Optional.empty();
    }

    private java.nio.file.Path fixtures() {
        try {
            if (!Files.exists(scratch.resolve("data.csv"))) {
                ArrayDatasetsTest.writeFixtures(scratch);
            }
            return scratch;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
