package dev.graft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Known answers from SciPy ({@code tools/similarity_reference.py}), with and without ties. */
class RankCorrelationTest {
    static double[] array(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }

    @Test
    void agreesWithScipy() throws IOException {
        JsonNode taus;
        try (InputStream in = getClass().getResourceAsStream("/reference/taus.json")) {
            taus = new ObjectMapper().readTree(in);
        }
        double[] x = array(taus.get("x"));
        double[] y = array(taus.get("y"));
        double[] xt = array(taus.get("xTied"));
        double[] yt = array(taus.get("yTied"));
        assertEquals(taus.get("kendall").asDouble(), RankCorrelation.kendallTau(x, y), 1e-12);
        assertEquals(taus.get("weighted").asDouble(), RankCorrelation.weightedTau(x, y), 1e-12);
        assertEquals(taus.get("kendallTied").asDouble(), RankCorrelation.kendallTau(xt, yt), 1e-12);
        assertEquals(taus.get("weightedTied").asDouble(), RankCorrelation.weightedTau(xt, yt), 1e-12);
    }

    @Test
    void perfectAndReversedOrdersAndDegenerateInputs() {
        double[] x = {1, 2, 3, 4};
        assertEquals(1.0, RankCorrelation.kendallTau(x, new double[] {10, 20, 30, 40}), 1e-12);
        assertEquals(-1.0, RankCorrelation.weightedTau(x, new double[] {4, 3, 2, 1}), 1e-12);
        assertTrue(Double.isNaN(RankCorrelation.kendallTau(x, new double[] {1, 1, 1, 1})));
        assertTrue(Double.isNaN(RankCorrelation.kendallTau(new double[] {1}, new double[] {2})));
    }
}
