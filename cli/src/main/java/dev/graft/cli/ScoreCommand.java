package dev.graft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graft.core.plugin.Plugins;
import dev.graft.spi.GraftException;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.PluginFamily;
import dev.graft.spi.data.FeatureTable;
import dev.graft.spi.similarity.SimilarityConfig;
import dev.graft.spi.similarity.SimilarityInput;
import dev.graft.spi.similarity.SimilarityInputs;
import dev.graft.spi.similarity.SimilarityMetric;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code graft score}: transferability and similarity metrics of feature matrices computed elsewhere. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score feature matrices you already have with Graft's similarity and transferability metrics.",
                "Files: CSV (an optional header line), NumPy .npy, or HDF5 (file.h5:/dataset, or a file with one dataset).",
                "Values are read as float32, as Graft's own features are."})
final class ScoreCommand implements Callable<Integer> {
    @CommandLine.Mixin
    PluginOptions pluginOptions = new PluginOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--features", required = true, paramLabel = "F", description = "target features: one row per example")
    String features;

    @Option(names = "--labels", paramLabel = "L", description = "target labels, one non-negative integer per row of F")
    String labels;

    @Option(names = "--source-probs", paramLabel = "P", description = "the source head's class probabilities on the rows of F (leep, nce)")
    String sourceProbabilities;

    @Option(names = "--source-features", paramLabel = "S", description = "features of source examples (mmd, proxy-a-distance, frechet-distance, cka)")
    String sourceFeatures;

    @Option(names = "--metric", required = true, paramLabel = "METRIC",
            description = "a metric name (graft plugins lists them), or a YAML mapping such as '{type: knn-accuracy, k: 3}'; repeatable")
    List<String> metrics;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Plugins plugins = pluginOptions.discover();
        // every metric is checked before anything is computed
        List<SimilarityConfig> configs = metrics.stream().map(text -> config(plugins, text)).toList();
        double[][] target = ArrayFiles.read(features);
        int[] targetLabels = labels == null ? null : ArrayFiles.labels(labels);
        if (targetLabels != null && targetLabels.length != target.length) {
            throw new GraftException(labels + ": " + targetLabels.length + " labels for " + target.length + " rows of " + features);
        }
        int numClasses = targetLabels == null ? 1 : java.util.Arrays.stream(targetLabels).max().orElse(0) + 1;
        int[] rowLabels = targetLabels == null ? new int[target.length] : targetLabels;
        FeatureTable targetTable = table(features, target, rowLabels, numClasses);
        FeatureTable sourceTable = null;
        if (sourceFeatures != null) {
            double[][] source = ArrayFiles.read(sourceFeatures);
            sourceTable = table(sourceFeatures, source, new int[source.length], 1);
        }
        FeatureTable predictions = null;
        if (sourceProbabilities != null) {
            double[][] p = ArrayFiles.read(sourceProbabilities);
            if (p.length != target.length) {
                throw new GraftException(sourceProbabilities + ": " + p.length + " rows for " + target.length + " rows of " + features);
            }
            predictions = table(sourceProbabilities, p, rowLabels, numClasses);
        }
        SimilarityInputs inputs = new SimilarityInputs(Optional.ofNullable(sourceTable), Optional.of(targetTable), Optional.ofNullable(predictions));
        int failures = 0;
        for (SimilarityConfig config : configs) {
            String name = plugins.registry().nameOf(PluginFamily.SIMILARITY, config);
            SimilarityMetric metric = plugins.registry().<dev.graft.spi.similarity.SimilarityMetricFactory<SimilarityConfig>>factoryFor(
                    PluginFamily.SIMILARITY, config).create(config);
            String missing = missing(metric);
            if (missing != null) {
                throw new GraftException("metric " + name + " needs " + missing);
            }
            try {
                long started = System.nanoTime();
                double value = metric.score(inputs);
                out.printf(Locale.ROOT, "%s\t%.10g\t%s\t%.3fs%n", name, value, metric.higherIsBetter() ? "higher is better" : "lower is better",
                        (System.nanoTime() - started) / 1e9);
            } catch (RuntimeException e) {
                // a metric's own failure (a singular matrix, say) is one line, and the other metrics still run
                out.printf(Locale.ROOT, "%s\tfailed\t%s%n", name, e instanceof GraftException ? e.getMessage()
                        : e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                failures++;
            }
        }
        out.flush();
        return failures == 0 ? 0 : Graft.USER_ERROR;
    }

    private String missing(SimilarityMetric metric) {
        if (metric.requires().contains(SimilarityInput.SOURCE_FEATURES) && sourceFeatures == null) {
            return "--source-features";
        }
        if (metric.requires().contains(SimilarityInput.SOURCE_PREDICTIONS) && sourceProbabilities == null) {
            return "--source-probs (and --labels)";
        }
        if ((metric.requires().contains(SimilarityInput.SOURCE_PREDICTIONS) || !metric.requires().contains(SimilarityInput.SOURCE_FEATURES))
                && labels == null) {
            return "--labels";
        }
        return null;
    }

    private static SimilarityConfig config(Plugins plugins, String text) {
        ObjectMapper mapper = plugins.mapper();
        JsonNode node;
        if (text.strip().startsWith("{")) {
            Object parsed;
            try {
                parsed = new Yaml().load(text);
            } catch (RuntimeException e) {
                throw new GraftException("--metric " + text + ": not a YAML mapping: " + e.getMessage().lines().findFirst().orElse(""));
            }
            if (!(parsed instanceof Map<?, ?>)) {
                throw new GraftException("--metric " + text + ": not a YAML mapping");
            }
            node = mapper.valueToTree(parsed);
        } else {
            node = ((ObjectNode) mapper.createObjectNode()).put("type", text.strip());
        }
        String type = node.path("type").asText("");
        // unknown names fail listing the known ones
        dev.graft.spi.PluginFactory<?> factory = plugins.registry().factory(PluginFamily.SIMILARITY, type);
        List<String> fields = java.util.Arrays.stream(factory.configClass().getRecordComponents()).map(c -> c.getName()).sorted().toList();
        for (java.util.Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!field.equals("type") && !fields.contains(field)) {
                throw new GraftException("--metric " + text + ": unknown field '" + field + "' in '" + type + "'."
                        + dev.graft.core.plugin.ClosestName.suggestion(field, fields)
                        + (fields.isEmpty() ? " It has no fields." : " Fields: " + String.join(", ", fields)));
            }
        }
        try {
            return mapper.treeToValue(node, SimilarityConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof InvalidConfigException ? e.getCause() : e;
            throw new GraftException("--metric " + text + ": " + (cause instanceof InvalidConfigException ice
                    ? ice.field() + ": " + ice.getMessage() : e.getMessage().lines().findFirst().orElse("")));
        }
    }

    /** The rows as a table; every value must be a finite number (a NaN made metrics fail deep inside, or return wrong values). */
    private static FeatureTable table(String file, double[][] rows, int[] labels, int numClasses) {
        int cols = rows[0].length;
        float[] values = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new GraftException(file + ": row " + (i + 1) + " has " + rows[i].length + " values, the first has " + cols);
            }
            for (int j = 0; j < cols; j++) {
                float value = (float) rows[i][j];
                if (!Float.isFinite(value)) {
                    throw new GraftException(file + ": row " + (i + 1) + ", column " + (j + 1) + " is " + rows[i][j]
                            + "; every value must be a finite number");
                }
                values[i * cols + j] = value;
            }
        }
        return new FeatureTable(values, rows.length, cols, labels, numClasses);
    }
}
