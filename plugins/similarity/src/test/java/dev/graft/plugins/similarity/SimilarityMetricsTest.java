package dev.graft.plugins.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.spi.GraftException;
import dev.graft.spi.data.FeatureTable;
import dev.graft.spi.similarity.SimilarityConfig;
import dev.graft.spi.similarity.SimilarityInputs;
import dev.graft.spi.similarity.SimilarityMetric;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Known answers from {@code tools/similarity_reference.py} (NumPy, SciPy, scikit-learn, each
 * metric's reference formula), invariances, and edge cases.
 */
class SimilarityMetricsTest {
    static final Map<String, MetricPlugin<?>> PLUGINS = Metrics.all().stream().collect(Collectors.toMap(MetricPlugin::name, Function.identity()));
    static final Map<String, SimilarityConfig> DEFAULTS = Map.ofEntries(
            Map.entry(Metrics.LOGME, new LogmeConfig()), Map.entry(Metrics.H_SCORE, new HScoreConfig()),
            Map.entry(Metrics.H_SCORE_SHRINKAGE, new HScoreShrinkageConfig()), Map.entry(Metrics.TRANSRATE, new TransRateConfig(null)),
            Map.entry(Metrics.KNN_ACCURACY, new KnnAccuracyConfig(null)), Map.entry(Metrics.LEEP, new LeepConfig()),
            Map.entry(Metrics.NCE, new NceConfig()), Map.entry(Metrics.MMD, new MmdConfig(null, null)),
            Map.entry(Metrics.PROXY_A_DISTANCE, new ProxyADistanceConfig(null, null, null)),
            Map.entry(Metrics.FRECHET_DISTANCE, new FrechetDistanceConfig()), Map.entry(Metrics.LINEAR_CKA, new LinearCkaConfig()),
            Map.entry(Metrics.RBF_CKA, new RbfCkaConfig(null)));

    @SuppressWarnings({"unchecked", "rawtypes"})
    static SimilarityMetric metric(String name, SimilarityConfig config) {
        return ((MetricPlugin) PLUGINS.get(name)).create(config);
    }

    /** Rows and labels as the reference script wrote them, in float64. */
    record Labelled(double[][] rows, int[] labels) {
        double[][] asDoubleMatrix() {
            return rows;
        }
    }

    static Labelled table(String resource, int numClasses) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (InputStream in = SimilarityMetricsTest.class.getResourceAsStream("/reference/" + resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",");
                labels.add(Integer.parseInt(cells[0]));
                double[] row = new double[cells.length - 1];
                for (int j = 1; j < cells.length; j++) {
                    row[j - 1] = Double.parseDouble(cells[j]);
                }
                rows.add(row);
            }
        }
        return new Labelled(rows.toArray(new double[0][]), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A core feature table (float32, as the core hands features to metrics). */
    static FeatureTable table(double[][] rows, int[] labels, int numClasses) {
        int cols = rows[0].length;
        float[] values = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols; j++) {
                values[i * cols + j] = (float) rows[i][j];
            }
        }
        return new FeatureTable(values, rows.length, cols, labels, numClasses);
    }

    static FeatureTable table(Labelled labelled, int numClasses) {
        return table(labelled.rows(), labelled.labels(), numClasses);
    }

    static JsonNode expected() throws IOException {
        try (InputStream in = SimilarityMetricsTest.class.getResourceAsStream("/reference/expected.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static void assertRelative(double expected, double actual, String what) {
        double tolerance = 1e-6 * Math.max(1e-12, Math.abs(expected));
        assertEquals(expected, actual, tolerance, what);
    }

    @Test
    void everyMetricMatchesItsReferenceImplementation() throws IOException {
        JsonNode expected = expected();
        double[][] target = table("a-target.csv", 3).asDoubleMatrix();
        int[] labels = table("a-target.csv", 3).labels();
        double[][] source = table("a-source.csv", 1).asDoubleMatrix();
        double[][] predictions = table("a-predictions.csv", 3).asDoubleMatrix();
        // the reference computed on the float64 inputs; compute on the same float64 values
        assertRelative(expected.at("/a/logme").asDouble(), Transferability.logme(target, labels, 3), "logme");
        assertRelative(expected.at("/a/h-score").asDouble(), Transferability.hScore(target, labels, 3), "h-score");
        assertRelative(expected.at("/a/h-score-shrinkage").asDouble(), Transferability.hScoreShrinkage(target, labels, 3), "h-score-shrinkage");
        assertRelative(expected.at("/a/transrate").asDouble(), Transferability.transRate(target, labels, 3, 1e-4), "transrate");
        assertRelative(expected.at("/a/knn-accuracy").asDouble(), Transferability.knnAccuracy(target, labels, 3, 5), "knn-accuracy");
        assertRelative(expected.at("/a/leep").asDouble(), Transferability.leep(predictions, labels, 3), "leep");
        assertRelative(expected.at("/a/nce").asDouble(), Transferability.nce(predictions, labels, 3), "nce");
        assertRelative(expected.at("/a/mmd").asDouble(), Divergences.mmd2(source, target, new MmdConfig(null, null).scales(), null), "mmd");
        assertRelative(expected.at("/a/proxy-a-distance").asDouble(), Divergences.proxyADistance(source, target, 1e-3, 300, 0.5),
                "proxy-a-distance");
        assertRelative(expected.at("/a/frechet-distance").asDouble(), Divergences.frechetDistance(source, target), "frechet-distance");
        assertRelative(expected.at("/a/linear-cka").asDouble(), LinearCka.cka(source, target), "linear-cka");
        assertRelative(expected.at("/a/rbf-cka").asDouble(), Divergences.rbfCka(source, target, 1.0), "rbf-cka");
    }

    @Test
    void moreFeaturesThanExamplesMatchesTheReferenceToo() throws IOException {
        JsonNode expected = expected();
        Labelled wide = table("b-target.csv", 4);
        double[][] f = wide.asDoubleMatrix();
        int[] y = wide.labels();
        assertRelative(expected.at("/b/logme").asDouble(), Transferability.logme(f, y, 4), "logme");
        assertRelative(expected.at("/b/h-score").asDouble(), Transferability.hScore(f, y, 4), "h-score");
        assertRelative(expected.at("/b/h-score-shrinkage").asDouble(), Transferability.hScoreShrinkage(f, y, 4), "h-score-shrinkage");
        assertRelative(expected.at("/b/transrate").asDouble(), Transferability.transRate(f, y, 4, 1e-4), "transrate");
        assertRelative(expected.at("/b/knn-accuracy").asDouble(), Transferability.knnAccuracy(f, y, 4, 1), "knn-accuracy");
    }

    @Test
    void pluginsReadTheInputsTheyDeclare() throws IOException {
        FeatureTable target = table(table("a-target.csv", 3), 3);
        FeatureTable source = table(table("a-source.csv", 1), 1);
        FeatureTable predictions = table(table("a-predictions.csv", 3), 3);
        SimilarityInputs inputs = new SimilarityInputs(Optional.of(source), Optional.of(target), Optional.of(predictions));
        JsonNode expected = expected();
        for (Map.Entry<String, SimilarityConfig> entry : DEFAULTS.entrySet()) {
            SimilarityMetric metric = metric(entry.getKey(), entry.getValue());
            double value = metric.score(inputs);
            // the tables hold float32 values, so the agreement is to float precision here
            assertEquals(expected.at("/a/" + entry.getKey()).asDouble(), value,
                    1e-4 * Math.max(1, Math.abs(expected.at("/a/" + entry.getKey()).asDouble())), entry.getKey());
        }
        assertTrue(!metric(Metrics.MMD, DEFAULTS.get(Metrics.MMD)).higherIsBetter());
        assertTrue(metric(Metrics.LOGME, DEFAULTS.get(Metrics.LOGME)).higherIsBetter());
    }

    static double[][] gaussian(int n, int d, double mean, double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double u = random.nextDouble();
                double v = random.nextDouble();
                x[i][j] = mean + sd * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
            }
        }
        return x;
    }

    static double[][] permuted(double[][] x, int[] order) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[order[i]];
        }
        return out;
    }

    static int[] permuted(int[] x, int[] order) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[order[i]];
        }
        return out;
    }

    static double[][] scaled(double[][] x, double factor) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] *= factor;
            }
        }
        return out;
    }

    @Test
    void permutingExamplesChangesNothingAndScaleInvariantMetricsIgnoreScale() throws IOException {
        Labelled a = table("a-target.csv", 3);
        double[][] f = a.asDoubleMatrix();
        int[] y = a.labels();
        double[][] source = table("a-source.csv", 1).asDoubleMatrix();
        double[][] theta = table("a-predictions.csv", 3).asDoubleMatrix();
        int[] order = new int[f.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = (i * 37 + 11) % f.length; // 37 is coprime with 60: a permutation
        }
        double[][] pf = permuted(f, order);
        int[] py = permuted(y, order);
        assertRelative(Transferability.logme(f, y, 3), Transferability.logme(pf, py, 3), "logme");
        assertRelative(Transferability.hScore(f, y, 3), Transferability.hScore(pf, py, 3), "h-score");
        assertRelative(Transferability.hScoreShrinkage(f, y, 3), Transferability.hScoreShrinkage(pf, py, 3), "h-score-shrinkage");
        assertRelative(Transferability.transRate(f, y, 3, 1e-4), Transferability.transRate(pf, py, 3, 1e-4), "transrate");
        assertRelative(Transferability.leep(theta, y, 3), Transferability.leep(permuted(theta, order), py, 3), "leep");
        assertRelative(Transferability.nce(theta, y, 3), Transferability.nce(permuted(theta, order), py, 3), "nce");
        int[] sourceOrder = new int[source.length];
        for (int i = 0; i < source.length; i++) {
            sourceOrder[i] = source.length - 1 - i;
        }
        List<Double> scales = new MmdConfig(null, null).scales();
        assertRelative(Divergences.mmd2(source, f, scales, null), Divergences.mmd2(permuted(source, sourceOrder), pf, scales, null), "mmd");
        assertRelative(Divergences.frechetDistance(source, f), Divergences.frechetDistance(permuted(source, sourceOrder), pf), "frechet");
        assertRelative(LinearCka.cka(source, f), LinearCka.cka(permuted(source, sourceOrder), pf), "linear-cka");
        assertRelative(Divergences.rbfCka(source, f, 1), Divergences.rbfCka(permuted(source, sourceOrder), pf, 1), "rbf-cka");

        // scale: H-score (tr(S^-1 B)) and both CKAs are invariant; so is MMD with its data-driven bandwidths
        assertRelative(Transferability.hScore(f, y, 3), Transferability.hScore(scaled(f, 7.5), y, 3), "h-score");
        assertRelative(LinearCka.cka(source, f), LinearCka.cka(scaled(source, 3), scaled(f, 0.2)), "linear-cka");
        assertRelative(Divergences.rbfCka(source, f, 1), Divergences.rbfCka(scaled(source, 3), scaled(f, 0.2), 1), "rbf-cka");
        assertRelative(Divergences.mmd2(source, f, scales, null), Divergences.mmd2(scaled(source, 4), scaled(f, 4), scales, null), "mmd");
        assertRelative(Divergences.proxyADistance(source, f, 1e-3, 300, 0.5), Divergences.proxyADistance(scaled(source, 9), scaled(f, 9), 1e-3, 300, 0.5),
                "proxy-a-distance (features are standardised)");
        // Fréchet distance scales with the square
        assertRelative(4 * Divergences.frechetDistance(source, f), Divergences.frechetDistance(scaled(source, 2), scaled(f, 2)), "frechet");
        // knn-accuracy depends on distances' order only
        assertRelative(Transferability.knnAccuracy(f, y, 3, 5), Transferability.knnAccuracy(scaled(f, 0.01), y, 3, 5), "knn");
    }

    @Test
    void identicalDistributionsScoreAsIdentical() {
        double[][] x = gaussian(80, 5, 0, 1, 3);
        assertEquals(1.0, LinearCka.cka(x, x), 1e-12);
        assertEquals(1.0, Divergences.rbfCka(x, x, 1), 1e-12);
        assertEquals(0.0, Divergences.frechetDistance(x, x), 1e-9);
        double same = Divergences.mmd2(gaussian(150, 4, 0, 1, 1), gaussian(150, 4, 0, 1, 2), new MmdConfig(null, null).scales(), null);
        double shifted = Divergences.mmd2(gaussian(150, 4, 0, 1, 1), gaussian(150, 4, 1.5, 1, 2), new MmdConfig(null, null).scales(), null);
        assertTrue(Math.abs(same) < 0.02 && shifted > 10 * Math.abs(same), same + " vs " + shifted);
        assertTrue(Divergences.proxyADistance(gaussian(100, 4, 0, 1, 1), gaussian(100, 4, 3, 1, 2), 1e-3, 300, 0.5) > 1.8);
        assertTrue(Divergences.proxyADistance(gaussian(100, 4, 0, 1, 1), gaussian(100, 4, 0, 1, 2), 1e-3, 300, 0.5) < 0.5);
        // a single fixed-bandwidth kernel, by hand: x = {0, 1}, y = {0, 2}, sigma 1
        assertEquals(-0.4323323583816937, Divergences.mmd2(new double[][] {{0}, {1}}, new double[][] {{0}, {2}}, List.of(1.0), 1.0), 1e-12);
    }

    @Test
    void edgeCasesAreClearErrors() {
        double[][] f = gaussian(10, 3, 0, 1, 1);
        int[] oneClass = new int[10];
        for (String name : List.of("logme", "h-score", "h-score-shrinkage", "transrate", "knn-accuracy")) {
            GraftException e = assertThrows(GraftException.class, () -> metric(name, DEFAULTS.get(name)).score(
                    new SimilarityInputs(Optional.empty(), Optional.of(table(f, oneClass, 1)))), name);
            assertTrue(e.getMessage().contains("at least 2 classes"), e.getMessage());
        }
        assertThrows(GraftException.class, () -> Transferability.knnAccuracy(f, new int[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1}, 2, 10));
        assertThrows(GraftException.class, () -> Divergences.mmd2(new double[][] {{1}}, new double[][] {{1}, {2}}, List.of(1.0), null));
        assertTrue(assertThrows(GraftException.class, () -> Divergences.mmd2(new double[][] {{1}, {1}}, new double[][] {{1}, {1}}, List.of(1.0), null))
                .getMessage().contains("identical"));
        assertTrue(assertThrows(GraftException.class, () -> LinearCka.cka(new double[][] {{1, 2}, {1, 2}}, gaussian(5, 2, 0, 1, 1)))
                .getMessage().contains("constant"));
        assertTrue(assertThrows(GraftException.class, () -> Divergences.frechetDistance(gaussian(5, 2, 0, 1, 1), gaussian(5, 3, 0, 1, 1)))
                .getMessage().contains("features"));
        // constant features: the pseudo-inverse drops them, logme and transrate still compute
        double[][] withConstant = new double[12][];
        int[] labels = new int[12];
        for (int i = 0; i < 12; i++) {
            withConstant[i] = new double[] {i % 3 + 0.1 * i, 5.0, (i * 7) % 5};
            labels[i] = i % 3;
        }
        double[][] without = new double[12][];
        for (int i = 0; i < 12; i++) {
            without[i] = new double[] {withConstant[i][0], withConstant[i][2]};
        }
        assertRelative(Transferability.hScore(without, labels, 3), Transferability.hScore(withConstant, labels, 3), "a constant feature adds nothing");
        assertTrue(Double.isFinite(Transferability.logme(withConstant, labels, 3)));
        assertTrue(Double.isFinite(Transferability.transRate(withConstant, labels, 3, 1e-4)));
    }
}
