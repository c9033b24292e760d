package dev.graft.plugins.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.spi.train.TrainingHookFactory;
import dev.graft.spi.train.UpdateRule;
import dev.graft.testkit.ModuleUnderTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each update rule follows PyTorch's optimiser of the same name for five steps from the same
 * weights and gradients, with default and non-default settings (weight decay included):
 * tools/optimizer_reference.py wrote the trajectories with torch.optim.
 */
class PyTorchReferenceTest {
    static final ModuleUnderTest MODULE = new ModuleUnderTest(new OptimizersModule());

    @Test
    void everyRuleFollowsTorchOptim() throws IOException {
        JsonNode reference;
        try (InputStream in = PyTorchReferenceTest.class.getResourceAsStream("/optimizer-reference.json")) {
            reference = new ObjectMapper().readTree(in);
        }
        Shape shape = new Shape(reference.get("shape").get(0).asLong(), reference.get("shape").get(1).asLong());
        int checked = 0;
        for (JsonNode test : reference.get("cases")) {
            String type = test.get("type").asText();
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = new ObjectMapper().convertValue(test.get("fields"), Map.class);
            UpdateRule rule = rule(type, fields);
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray weight = manager.create(floats(reference.get("weight")), shape);
                NDArray[] state = new NDArray[rule.stateArrays()];
                for (int i = 0; i < state.length; i++) {
                    state[i] = weight.zerosLike();
                }
                for (int step = 1; step <= test.get("steps").size(); step++) {
                    NDArray gradient = manager.create(floats(reference.get("gradients").get(step - 1)), shape);
                    rule.update(weight, gradient, state, rule.learningRate(), true, step);
                    float[] expected = floats(test.get("steps").get(step - 1));
                    float[] actual = weight.toFloatArray();
                    for (int j = 0; j < expected.length; j++) {
                        assertEquals(expected[j], actual[j], 2e-6 * Math.max(1, Math.abs(expected[j])),
                                type + " " + fields + " step " + step + " element " + j);
                    }
                }
            }
            checked++;
        }
        assertEquals(6, checked);
    }

    @Test
    void cosineRestartsFollowsTorchAtFractionalEpochs() throws Exception {
        JsonNode reference;
        try (InputStream in = PyTorchReferenceTest.class.getResourceAsStream("/optimizer-reference.json")) {
            reference = new ObjectMapper().readTree(in);
        }
        int checked = 0;
        for (JsonNode schedule : reference.get("schedules")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = new ObjectMapper().convertValue(schedule.get("fields"), Map.class);
            @SuppressWarnings("unchecked")
            TrainingHookFactory<ScheduleChoice> factory = (TrainingHookFactory<ScheduleChoice>) MODULE.factory("cosine-restarts");
            var hook = factory.create((ScheduleChoice) MODULE.config("cosine-restarts", fields));
            for (JsonNode point : schedule.get("factors")) {
                // four steps per epoch: step s is epoch s / 4
                long step = Math.round(point.get(0).asDouble() * 4);
                assertEquals(point.get(1).asDouble(), hook.learningRateFactor(step, 4, 1000), 1e-12, fields + " at epoch " + point.get(0));
                checked++;
            }
        }
        assertEquals(80, checked);
    }

    @Test
    void warmupLinearIsHuggingFacesSchedule() throws Exception {
        @SuppressWarnings("unchecked")
        TrainingHookFactory<ScheduleChoice> factory = (TrainingHookFactory<ScheduleChoice>) MODULE.factory("warmup-linear");
        var hook = factory.create((ScheduleChoice) MODULE.config("warmup-linear", Map.of("warmup", 0.2)));
        // 100 steps, 20 warming up: get_linear_schedule_with_warmup(num_warmup_steps=20, num_training_steps=100)
        double[][] expected = {{0, 0.0}, {10, 0.5}, {19, 0.95}, {20, 1.0}, {60, 0.5}, {99, 1.0 / 80}, {100, 0.0}};
        for (double[] point : expected) {
            assertEquals(point[1], hook.learningRateFactor((long) point[0], 10, 100), 1e-12, "step " + point[0]);
        }
    }

    static UpdateRule rule(String type, Map<String, Object> fields) {
        try {
            @SuppressWarnings("unchecked")
            TrainingHookFactory<OptimizerChoice> factory = (TrainingHookFactory<OptimizerChoice>) MODULE.factory(type);
            return factory.create((OptimizerChoice) MODULE.config(type, fields)).updateRule();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static float[] floats(JsonNode values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values.get(i).asDouble();
        }
        return out;
    }
}
