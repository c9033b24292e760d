package dev.graft.plugins.keras;

import dev.graft.spi.GraftException;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights in a Keras HDF5 file, by layer, in the order Keras lists them. Both layouts are
 * read: a weights-only file ({@code save_weights}: the root's attribute {@code layer_names}, each
 * layer group's {@code weight_names}, datasets at {@code /<layer>/<weight name>}) and a full-model
 * file ({@code save}: the same under {@code /model_weights}, {@code model_config} at the root).
 * Attributes Keras split into chunks ({@code layer_names0}, {@code layer_names1}, ...) are joined.
 * Weight datasets are always found through {@code weight_names}, never by guessing their names,
 * so both the Keras 2 naming ({@code block1_conv1/kernel:0}) and the older one
 * ({@code block1_conv1_W_1:0}) work.
 *
 * @param path the file
 * @param layers every layer in file order, with its weights in Keras' order (e.g. kernel, bias)
 */
record KerasWeightsFile(Path path, Map<String, List<Weight>> layers) {

    /**
     * One weight array.
     *
     * @param name its name in {@code weight_names}
     * @param dims its Keras shape
     * @param values its values, row-major
     */
    record Weight(String name, int[] dims, float[] values) {}

    /**
     * @param path a Keras HDF5 file
     * @return its weights
     * @throws GraftException naming the file when it is missing, not HDF5, truncated, or not in a Keras layout
     */
    static KerasWeightsFile read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new GraftException(path + ": no such file");
        }
        try (HdfFile file = new HdfFile(path)) {
            Group root = file;
            if (stringsOrNull(root, "layer_names") == null && file.getChildren().get("model_weights") instanceof Group weights) {
                root = weights; // a full-model file
            }
            List<String> layerNames = stringsOrNull(root, "layer_names");
            if (layerNames == null) {
                throw new GraftException(path + ": not a Keras weights file (no layer_names attribute at the root or under /model_weights)");
            }
            Map<String, List<Weight>> layers = new LinkedHashMap<>();
            for (String layerName : layerNames) {
                Node layerNode = root.getChildren().get(layerName);
                if (!(layerNode instanceof Group layer)) {
                    throw new GraftException(path + ": layer_names lists '" + layerName + "' but there is no such group");
                }
                List<String> weightNames = stringsOrNull(layer, "weight_names");
                List<Weight> weights = new ArrayList<>();
                for (String weightName : weightNames == null ? List.<String>of() : weightNames) {
                    Node node = layer.getByPath(weightName);
                    if (!(node instanceof Dataset dataset)) {
                        throw new GraftException(path + ": layer '" + layerName + "' lists weight '" + weightName + "' but there is no such dataset");
                    }
                    weights.add(new Weight(weightName, dataset.getDimensions(), floats(path, layerName, weightName, dataset.getDataFlat())));
                }
                layers.put(layerName, weights);
            }
            return new KerasWeightsFile(path, layers);
        } catch (io.jhdf.exceptions.HdfException | IllegalArgumentException | IllegalStateException | ArrayIndexOutOfBoundsException
                | UnsupportedOperationException e) {
            throw new GraftException(path + ": cannot read as HDF5 (corrupt, truncated or not an HDF5 file): " + e.getMessage(), e);
        }
    }

    /** An attribute as a list of strings, joining Keras' chunks {@code name0, name1, ...}; null when absent. */
    private static List<String> stringsOrNull(Node node, String name) {
        Map<String, Attribute> attributes = node.getAttributes();
        if (attributes.containsKey(name)) {
            return strings(attributes.get(name).getData());
        }
        if (!attributes.containsKey(name + "0")) {
            return null;
        }
        List<String> joined = new ArrayList<>();
        for (int chunk = 0; attributes.containsKey(name + chunk); chunk++) {
            joined.addAll(strings(attributes.get(name + chunk).getData()));
        }
        return joined;
    }

    private static List<String> strings(Object data) {
        if (data == null) {
            return List.of();
        }
        if (data instanceof String s) {
            return List.of(s);
        }
        if (data instanceof String[] array) {
            return Arrays.asList(array);
        }
        if (data.getClass().isArray()) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(data); i++) {
                out.add(String.valueOf(java.lang.reflect.Array.get(data, i)));
            }
            return out;
        }
        return List.of(String.valueOf(data));
    }

    private static float[] floats(Path path, String layer, String weight, Object flat) {
        if (flat instanceof float[] f) {
            return f;
        }
        if (flat instanceof double[] d) {
            float[] out = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = (float) d[i];
            }
            return out;
        }
        throw new GraftException(path + ": weight '" + weight + "' of layer '" + layer + "' is not floating point ("
                + (flat == null ? "null" : flat.getClass().getSimpleName()) + ")");
    }
}
