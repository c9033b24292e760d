package dev.graft.plugins.text;

import dev.graft.spi.GraftModule;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.Examples;
import dev.graft.testkit.PluginContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The text plugins keep the plugin contract, on token sequences from the bundled WordNet glosses. */
class TextContractTest extends PluginContract {
    /** The bundled data directory of the repository. */
    static final Path BUNDLED = Path.of("../../experiments/data").toAbsolutePath().normalize();

    @Override
    protected GraftModule module() {
        return new TextModule();
    }

    @Override
    protected List<Refused> refused() {
        return List.of(
                new Refused("wordnet-glosses", Map.of("source", " "), "source"),
                new Refused("wordnet-glosses", Map.of("maxLength", 0), "maxLength"),
                new Refused("wordnet-glosses", Map.of("tokenizer", ""), "tokenizer"),
                new Refused("wordnet-glosses", Map.of("classes", List.of(1), "relabel", Map.of("a", List.of(1), "b", List.of(2))), "relabel"),
                new Refused("text-cnn", Map.of("kernelSize", 2), "kernelSize"),
                new Refused("text-cnn", Map.of("channels", List.of()), "channels"),
                new Refused("text-cnn", Map.of("embedding", 0), "embedding"),
                new Refused("text-transformer", Map.of("heads", 5), "heads"),
                new Refused("text-transformer", Map.of("layers", 0), "layers"),
                new Refused("text-transformer", Map.of("dropout", 1.0), "dropout"),
                new Refused("token-dropout", Map.of("probability", 1.0), "probability"),
                new Refused("token-noise", Map.of("probability", 0.0), "probability"),
                new Refused("token-noise", Map.of(), "probability"),
                new Refused("token-swap", Map.of("fraction", -0.1), "fraction"));
    }

    @Override
    protected DataContext dataContext() {
        return new DataContext(List.of(), Optional.of(BUNDLED), scratch);
    }

    /** @return 12 definitions of 3 classes, 16 word pieces each */
    @Override
    protected Examples sampleExamples() {
        return TextSamples.glosses(16).select(TextSamples.firstOfClasses(TextSamples.glosses(16), 3, 4), "sample");
    }
}
