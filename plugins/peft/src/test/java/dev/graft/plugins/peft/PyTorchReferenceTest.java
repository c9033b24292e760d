package dev.graft.plugins.peft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.spi.backbone.LayerGroup;
import dev.graft.spi.edit.LayerEditor;
import dev.graft.spi.freeze.BackboneParameter;
import dev.graft.spi.freeze.ParameterState;
import dev.graft.spi.freeze.TrainingPosition;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugins compute what their authors' code computes: tools/peft_reference.py wrote, with
 * PyTorch, the output and the gradients of {@code sum(y * g)} for fixed inputs and weights (LoRA
 * as Hugging Face PEFT runs it unmerged, {@code base(x) + lora_B(lora_A(x)) * alpha/r}; a Houlsby
 * bottleneck; a residual 1×1 convolution; one BitFit step), and each is compared here, to 1e-5,
 * with the plugin applied through the SPI's {@link LayerEditor} as Graft applies it.
 */
class PyTorchReferenceTest {
    private static final double TOLERANCE = 1e-5;
    private static JsonNode cases;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = PyTorchReferenceTest.class.getResourceAsStream("/peft-reference.json")) {
            cases = new ObjectMapper().readTree(in).get("cases");
        }
    }

    @Test
    void loraOnALinearLayerIsPeftsUnmergedLora() {
        lora(find("lora-linear"), Linear.builder().setUnits(6).build());
    }

    @Test
    void loraOnAConvolutionIsPeftsTwoConvolutions() {
        lora(find("lora-conv"), Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(4).build());
    }

    private static void lora(JsonNode c, Block layer) {
        try (Model model = Model.newInstance("reference"); NDManager manager = NDManager.newBaseManager()) {
            NDManager owner = model.getNDManager();
            Shape xShape = shape(c.get("xShape"));
            layer.initialize(owner, DataType.FLOAT32, xShape);
            set(layer.getParameters().get("weight"), c.get("weight"));
            set(layer.getParameters().get("bias"), c.get("bias"));
            LayerEditor editor = new LayerEditor(List.of(new LayerGroup("g", layer)), owner);
            new Lora().create(new Lora.Config(c.get("rank").asInt(), c.get("alpha").asDouble(), null)).editBackbone(editor);
            Block delta = editor.reparametrisations().values().iterator().next();
            set(delta.getParameters().get("loraA"), c.get("loraA"));
            set(delta.getParameters().get("loraB"), c.get("loraB"));

            NDArray x = manager.create(floats(c.get("x")), xShape);
            x.setRequiresGradient(true);
            ParameterStore store = LayerEditor.reading(new ParameterStore(owner, false), editor.reparametrisations());
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = layer.forward(store, new NDList(x), true).singletonOrThrow();
                close(c, "y", y);
                collector.backward(y.mul(manager.create(floats(c.get("g")), y.getShape())).sum());
            }
            close(c, "gradLoraA", delta.getParameters().get("loraA").getArray().getGradient());
            close(c, "gradLoraB", delta.getParameters().get("loraB").getArray().getGradient());
            close(c, "gradX", x.getGradient());

            // merged: the layer alone, no reparametrisation, computes the same
            NDArray before = layer.forward(store, new NDList(x), false).singletonOrThrow();
            LayerEditor.merge(editor.reparametrisations(), owner);
            NDArray after = layer.forward(new ParameterStore(owner, false), new NDList(x), false).singletonOrThrow();
            assertClose(before.toFloatArray(), after.toFloatArray(), 1e-6, "merged against unmerged");
        }
    }

    @Test
    void aBottleneckAdapterIsHoulsbys() {
        JsonNode c = find("bottleneck");
        Shape xShape = shape(c.get("xShape"));
        int dim = (int) xShape.get(2);
        adapter(c, Linear.builder().setUnits(dim).optBias(false).build(), xShape, new Adapter.Config(c.get("bottleneck").asInt(), List.of("g")),
                inserted -> {
                    List<Block> linears = inserted.getChildren().values();
                    set(linears.get(0).getParameters().get("weight"), c.get("downWeight"));
                    set(linears.get(0).getParameters().get("bias"), c.get("downBias"));
                    set(linears.get(1).getParameters().get("weight"), c.get("upWeight"));
                    set(linears.get(1).getParameters().get("bias"), c.get("upBias"));
                }, inserted -> {
                    List<Block> linears = inserted.getChildren().values();
                    close(c, "gradDownWeight", linears.get(0).getParameters().get("weight").getArray().getGradient());
                    close(c, "gradDownBias", linears.get(0).getParameters().get("bias").getArray().getGradient());
                    close(c, "gradUpWeight", linears.get(1).getParameters().get("weight").getArray().getGradient());
                    close(c, "gradUpBias", linears.get(1).getParameters().get("bias").getArray().getGradient());
                });
    }

    @Test
    void aResidualAdapterIsRebuffisWithoutItsBatchNorm() {
        JsonNode c = find("residual-conv");
        Shape xShape = shape(c.get("xShape"));
        int channels = (int) xShape.get(1);
        adapter(c, Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(channels).optBias(false).build(), xShape,
                new Adapter.Config(null, List.of("g")),
                inserted -> set(inserted.getChildren().values().get(0).getParameters().get("weight"), c.get("weight")),
                inserted -> close(c, "gradWeight", inserted.getChildren().values().get(0).getParameters().get("weight").getArray().getGradient()));
    }

    /** An identity layer (so the adapter sees the reference's input) with the adapter inserted after it. */
    private static void adapter(JsonNode c, Block identity, Shape xShape, Adapter.Config config, java.util.function.Consumer<Block> weights,
            java.util.function.Consumer<Block> gradients) {
        try (Model model = Model.newInstance("reference"); NDManager manager = NDManager.newBaseManager()) {
            NDManager owner = model.getNDManager();
            identity.initialize(owner, DataType.FLOAT32, xShape);
            NDArray w = identity.getParameters().get("weight").getArray();
            long n = w.getShape().get(0);
            w.set(new NDIndex("..."), owner.eye((int) n).reshape(w.getShape()));
            LayerEditor editor = new LayerEditor(List.of(new LayerGroup("g", identity)), owner);
            new Adapter().create(config).editBackbone(editor);
            Block inserted = editor.insertedBlocks().get(0);
            weights.accept(inserted);
            Block group = editor.groups().get(0).block();

            NDArray x = manager.create(floats(c.get("x")), xShape);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = group.forward(new ParameterStore(owner, false), new NDList(x), true).singletonOrThrow();
                close(c, "y", y);
                collector.backward(y.mul(manager.create(floats(c.get("g")), y.getShape())).sum());
            }
            gradients.accept(inserted);
            close(c, "gradX", x.getGradient());
        }
    }

    @Test
    void bitFitTrainsTheBiasesAndTheNormShiftsOnlyAndStepsThemAsPyTorchDoes() {
        JsonNode c = find("bitfit");
        try (Model model = Model.newInstance("reference"); NDManager manager = NDManager.newBaseManager()) {
            NDManager owner = model.getNDManager();
            Linear first = Linear.builder().setUnits(6).build();
            LayerNorm norm = LayerNorm.builder().build();
            Linear second = Linear.builder().setUnits(3).build();
            first.initialize(owner, DataType.FLOAT32, new Shape(4, 5));
            norm.initialize(owner, DataType.FLOAT32, new Shape(4, 6));
            second.initialize(owner, DataType.FLOAT32, new Shape(4, 6));
            set(first.getParameters().get("weight"), c.get("w1"));
            set(first.getParameters().get("bias"), c.get("b1"));
            set(norm.getParameters().get("gamma"), c.get("gamma"));
            set(norm.getParameters().get("beta"), c.get("beta"));
            set(second.getParameters().get("weight"), c.get("w2"));
            set(second.getParameters().get("bias"), c.get("b2"));
            List<Parameter> parameters = List.of(first.getParameters().get("weight"), first.getParameters().get("bias"),
                    norm.getParameters().get("gamma"), norm.getParameters().get("beta"), second.getParameters().get("weight"),
                    second.getParameters().get("bias"));
            List<BackboneParameter> described = List.of(
                    new BackboneParameter("g", 0, "weight", BackboneParameter.Kind.WEIGHT, 30),
                    new BackboneParameter("g", 0, "bias", BackboneParameter.Kind.BIAS, 6),
                    new BackboneParameter("g", 0, "gamma", BackboneParameter.Kind.NORM_SCALE, 6),
                    new BackboneParameter("g", 0, "beta", BackboneParameter.Kind.NORM_SHIFT, 6),
                    new BackboneParameter("g", 0, "weight", BackboneParameter.Kind.WEIGHT, 18),
                    new BackboneParameter("g", 0, "bias", BackboneParameter.Kind.BIAS, 3));
            List<ParameterState> states = new BitFitFactory().create(new BitFitConfig(null)).parameters(described, new TrainingPosition(0, 10));
            for (int i = 0; i < parameters.size(); i++) {
                parameters.get(i).getArray().setRequiresGradient(states.get(i).trains());
            }
            NDArray x = manager.create(floats(c.get("x")), new Shape(4, 5));
            float lr = (float) c.get("lr").asDouble();
            ParameterStore store = new ParameterStore(owner, false);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray h = first.forward(store, new NDList(x), true).singletonOrThrow();
                h = ai.djl.nn.Activation.relu(norm.forward(store, new NDList(h), true).singletonOrThrow());
                NDArray logits = second.forward(store, new NDList(h), true).singletonOrThrow();
                int[] labels = ints(c.get("labels"));
                NDArray loss = logits.logSoftmax(1).mul(manager.create(oneHot(labels, 3), new Shape(4, 3))).sum().neg().div(4);
                assertEquals(c.get("loss").asDouble(), loss.getFloat(), TOLERANCE, "loss");
                collector.backward(loss);
            }
            for (int i : new int[] {0, 2, 4}) {
                assertTrue(!states.get(i).trains(), "BitFit trains " + described.get(i));
            }
            String[] after = {"b1After", "betaAfter", "b2After"};
            int[] trained = {1, 3, 5};
            for (int k = 0; k < 3; k++) {
                assertTrue(states.get(trained[k]).trains(), "BitFit leaves " + described.get(trained[k]) + " frozen");
                NDArray value = parameters.get(trained[k]).getArray();
                close(c, after[k], value.sub(value.getGradient().mul(lr)));
            }
        }
    }

    private static JsonNode find(String name) {
        for (JsonNode c : cases) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no reference case " + name);
    }

    private static void set(Parameter parameter, JsonNode values) {
        NDArray array = parameter.getArray();
        array.set(new NDIndex("..."), array.getManager().create(floats(values), array.getShape()));
    }

    private static void close(JsonNode c, String field, NDArray actual) {
        assertClose(floats(c.get(field)), actual.toFloatArray(), TOLERANCE, c.get("name").asText() + " " + field);
    }

    private static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": sizes");
        double largest = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(largest <= tolerance, what + ": largest difference " + largest + " > " + tolerance);
    }

    private static Shape shape(JsonNode dims) {
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).asLong();
        }
        return new Shape(shape);
    }

    private static float[] floats(JsonNode values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values.get(i).asDouble();
        }
        return out;
    }

    private static int[] ints(JsonNode values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asInt();
        }
        return out;
    }

    private static float[] oneHot(int[] labels, int classes) {
        float[] out = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            out[i * classes + labels[i]] = 1;
        }
        return out;
    }
}
