package dev.graft.core.descriptor;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graft.core.plugin.ClosestName;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.plugin.UnknownPluginException;
import dev.graft.spi.Axis;
import dev.graft.spi.GraftException;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.PluginConfig;
import dev.graft.spi.PluginFactory;
import dev.graft.spi.PluginFamily;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML descriptor into an {@link Experiment}, collecting every error it can find with
 * file, line, column and field, rather than stopping at the first.
 *
 * <p>The YAML is composed into a node tree that keeps positions, then walked against the Java
 * types of the descriptor model: unknown fields, wrong scalar types, unknown plugin names and
 * values a config's constructor rejects are reported where they were written. Plugin configs are
 * then bound by Jackson through the named subtypes the plugins registered.
 */
public final class DescriptorReader {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Plugins plugins;
    private final ObjectMapper mapper;

    /**
     * @param plugins the installed plugins
     */
    public DescriptorReader(Plugins plugins) {
        this.plugins = requireNonNull(plugins, "plugins is null");
        this.mapper = plugins.mapper();
    }

    /**
     * @param file a descriptor file
     * @return the parsed descriptor
     * @throws DescriptorException listing every error found
     */
    public Descriptor read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new GraftException(file + ": no such file");
        } catch (IOException e) {
            throw new GraftException(file + ": cannot read: " + e.getMessage(), e);
        }
        return read(file, text);
    }

    /**
     * @param file the name to report errors against
     * @param text the YAML text
     * @return the parsed descriptor
     * @throws DescriptorException listing every error found
     */
    public Descriptor read(Path file, String text) {
        Walk walk = new Walk(file.toString());
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new DescriptorException(List.of(new DescriptorError(file.toString(),
                    mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, "",
                    "not valid YAML: " + e.getProblem())));
        } catch (RuntimeException e) {
            throw new DescriptorException(List.of(new DescriptorError(file.toString(), 0, 0, "", "not valid YAML: " + e.getMessage())));
        }
        if (root == null) {
            throw new DescriptorException(List.of(new DescriptorError(file.toString(), 1, 1, "", "the descriptor is empty")));
        }
        JsonNode json = walk.value(root, Experiment.class, "");
        if (!walk.errors.isEmpty()) {
            throw new DescriptorException(walk.errors);
        }
        Experiment experiment;
        try {
            experiment = bind(json, Experiment.class);
        } catch (IOException e) {
            throw new IllegalStateException("descriptor validated but did not bind: " + e.getMessage(), e);
        }
        return new Descriptor(file, text, experiment, walk.positions);
    }

    /** One pass over one file: its errors and the positions of its fields. */
    /** Binds JSON with the installed axes at hand (a sweep's keys name them). */
    private <T> T bind(JsonNode json, Class<T> type) throws IOException {
        return mapper.reader().withAttribute(SweepSpec.KNOWN_AXES, plugins.registry().axes()).treeToValue(json, type);
    }

    private final class Walk {
        private final String file;
        private final List<DescriptorError> errors = new ArrayList<>();
        private final Map<String, int[]> positions = new HashMap<>();

        Walk(String file) {
            this.file = file;
        }

        private void error(Node node, String path, String message) {
            Mark mark = node.getStartMark();
            errors.add(new DescriptorError(file, mark.getLine() + 1, mark.getColumn() + 1, path, message));
        }

        private JsonNode value(Node node, Type type, String path) {
            positions.put(path, new int[] {node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1});
            Class<?> raw = rawClass(type);
            if (raw == List.class) {
                return list(node, ((ParameterizedType) type).getActualTypeArguments()[0], path);
            }
            if (raw == Map.class) {
                return map(node, ((ParameterizedType) type).getActualTypeArguments()[1], path);
            }
            if (raw == BackboneSpec.class) {
                return backbone(node, path);
            }
            if (raw == SweepSpec.class) {
                return sweep(node, path);
            }
            if (raw == SeedPlan.class) {
                // a list is a fixed design, a mapping a sequential one
                return node instanceof MappingNode ? record(node, SeedPlan.Sequential.class, path, Set.of(), null) : list(node, Long.class, path);
            }
            if (raw.isInterface() && PluginConfig.class.isAssignableFrom(raw) && raw.isAnnotationPresent(JsonTypeInfo.class)) {
                return plugin(node, plugins.registry().familyOf(raw), path);
            }
            if (raw.isRecord()) {
                return record(node, raw, path, Set.of(), null);
            }
            return scalar(node, raw, path);
        }

        private JsonNode list(Node node, Type element, String path) {
            ArrayNode array = JSON.arrayNode();
            if (node instanceof SequenceNode sequence) {
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) {
                    array.add(orNull(value(items.get(i), element, path + "[" + i + "]")));
                }
            } else if (isNull(node)) {
                return JSON.nullNode();
            } else {
                array.add(orNull(value(node, element, path + "[0]")));
            }
            return array;
        }

        private JsonNode map(Node node, Type valueType, String path) {
            if (!(node instanceof MappingNode mapping)) {
                error(node, path, "expected a mapping (key: value), got " + describe(node));
                return null;
            }
            ObjectNode object = JSON.objectNode();
            for (NodeTuple tuple : tuples(mapping)) {
                String key = key(tuple, path);
                if (key != null) {
                    object.set(key, orNull(value(tuple.getValueNode(), valueType, join(path, key))));
                }
            }
            return object;
        }

        private String key(NodeTuple tuple, String path) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            error(tuple.getKeyNode(), path, "keys must be plain names");
            return null;
        }

        private JsonNode plugin(Node node, PluginFamily family, String path) {
            if (node instanceof ScalarNode scalar && !isNull(node)) {
                // "head: linear" is short for "head: {type: linear}"
                return pluginOfType(node, family, path, scalar.getValue(), scalar, null);
            }
            if (!(node instanceof MappingNode mapping)) {
                error(node, path, "expected a " + family.label() + " mapping with a 'type', got " + describe(node));
                return null;
            }
            NodeTuple typeTuple = tuples(mapping).stream()
                    .filter(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals("type"))
                    .findFirst().orElse(null);
            if (typeTuple == null || !(typeTuple.getValueNode() instanceof ScalarNode typeNode)) {
                error(node, path, family.label() + " needs 'type:' (one of " + known(family) + ")");
                return null;
            }
            return pluginOfType(node, family, path, typeNode.getValue(), typeNode, mapping);
        }

        private JsonNode pluginOfType(Node node, PluginFamily family, String path, String name, Node typeNode, MappingNode mapping) {
            PluginFactory<?> factory;
            try {
                factory = plugins.registry().factory(family, name);
            } catch (UnknownPluginException e) {
                error(typeNode, join(path, "type"), e.getMessage());
                return null;
            }
            positions.put(join(path, "type"), new int[] {typeNode.getStartMark().getLine() + 1, typeNode.getStartMark().getColumn() + 1});
            JsonNode fields = mapping == null ? JSON.objectNode() : record(mapping, factory.configClass(), path, Set.of("type"), factory.name());
            if (fields == null) {
                return null;
            }
            ((ObjectNode) fields).put("type", name);
            return fields;
        }

        /** A {@code sweep:} mapping: backbones, exclude rules, and one list of choices per strategy axis it names. */
        private JsonNode sweep(Node node, String path) {
            List<Axis> known = plugins.registry().axes();
            if (!(node instanceof MappingNode mapping)) {
                error(node, path, "expected a mapping (key: value), got " + describe(node));
                return null;
            }
            ObjectNode object = JSON.objectNode();
            Set<String> seen = new HashSet<>();
            Set<String> failed = new HashSet<>();
            for (NodeTuple tuple : tuples(mapping)) {
                String key = key(tuple, path);
                if (key == null) {
                    continue;
                }
                if (!seen.add(key)) {
                    error(tuple.getKeyNode(), join(path, key), "field given twice");
                    continue;
                }
                Type type;
                if (key.equals("backbone") || key.equals("exclude")) {
                    type = Arrays.stream(SweepSpec.class.getRecordComponents()).filter(c -> c.getName().equals(key)).findFirst()
                            .orElseThrow().getGenericType();
                } else if (known.stream().anyMatch(a -> a.name().equals(key))) {
                    type = null;
                } else {
                    error(tuple.getKeyNode(), join(path, key), "unknown sweep axis '" + key + "'."
                            + ClosestName.suggestion(key, SweepSpec.keys(known)) + " Keys: " + String.join(", ", SweepSpec.keys(known)));
                    continue;
                }
                int errorsBefore = errors.size();
                Axis axis = known.stream().filter(a -> a.name().equals(key)).findFirst().orElse(null);
                JsonNode value = type != null ? value(tuple.getValueNode(), type, join(path, key))
                        : list(tuple.getValueNode(), axis.family().configType(), join(path, key));
                positions.putIfAbsent(join(path, key), new int[] {tuple.getValueNode().getStartMark().getLine() + 1,
                        tuple.getValueNode().getStartMark().getColumn() + 1});
                if (errors.size() > errorsBefore) {
                    failed.add(key);
                } else if (value != null) {
                    object.set(key, value);
                }
            }
            construct(mapping, object, SweepSpec.class, path, null, failed);
            return failed.isEmpty() ? object : null;
        }

        private JsonNode backbone(Node node, String path) {
            if (!(node instanceof MappingNode mapping)) {
                JsonNode architecture = plugin(node, PluginFamily.BACKBONE, path);
                return architecture == null ? null : JSON.objectNode().set("architecture", architecture);
            }
            List<NodeTuple> pluginTuples = new ArrayList<>();
            ObjectNode spec = JSON.objectNode();
            boolean ok = true;
            for (NodeTuple tuple : tuples(mapping)) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                if ("pretrain".equals(key)) {
                    JsonNode pretrain = value(tuple.getValueNode(), PretrainSpec.class, join(path, key));
                    ok &= pretrain != null;
                    spec.set("pretrain", pretrain);
                } else if ("label".equals(key)) {
                    JsonNode label = value(tuple.getValueNode(), String.class, join(path, key));
                    ok &= label != null;
                    spec.set("label", label);
                } else if ("transferLayers".equals(key)) {
                    JsonNode layers = value(tuple.getValueNode(), Integer.class, join(path, key));
                    ok &= layers != null;
                    spec.set("transferLayers", layers);
                } else {
                    pluginTuples.add(tuple);
                }
            }
            MappingNode pluginPart = new MappingNode(Tag.MAP, true, pluginTuples, mapping.getStartMark(),
                    mapping.getEndMark(), mapping.getFlowStyle());
            JsonNode architecture = plugin(pluginPart, PluginFamily.BACKBONE, path);
            if (architecture == null || !ok) {
                return null;
            }
            spec.set("architecture", architecture);
            int before = errors.size();
            construct(mapping, spec, BackboneSpec.class, path, null, Set.of());
            return errors.size() == before ? spec : null;
        }

        /**
         * Walks a mapping against a record's components, then constructs the record to run its
         * checks.
         */
        private JsonNode record(Node node, Class<?> recordClass, String path, Set<String> skip, String pluginName) {
            if (!(node instanceof MappingNode mapping)) {
                if (isNull(node)) {
                    return JSON.objectNode();
                }
                error(node, path, "expected a mapping (key: value), got " + describe(node));
                return null;
            }
            Map<String, RecordComponent> components = Arrays.stream(recordClass.getRecordComponents())
                    .collect(Collectors.toMap(RecordComponent::getName, c -> c));
            ObjectNode object = JSON.objectNode();
            Set<String> seen = new HashSet<>();
            Set<String> failed = new HashSet<>();
            for (NodeTuple tuple : tuples(mapping)) {
                String key = key(tuple, path);
                if (key == null || skip.contains(key)) {
                    continue;
                }
                if (!seen.add(key)) {
                    error(tuple.getKeyNode(), join(path, key), "field given twice");
                    continue;
                }
                RecordComponent component = components.get(key);
                if (component == null) {
                    String owner = pluginName == null ? (path.isEmpty() ? "the descriptor" : "'" + path + "'") : "'" + pluginName + "'";
                    error(tuple.getKeyNode(), join(path, key), "unknown field '" + key + "' in " + owner + "."
                            + ClosestName.suggestion(key, components.keySet())
                            + " Fields: " + String.join(", ", components.keySet().stream().sorted().toList()));
                    continue;
                }
                int errorsBefore = errors.size();
                JsonNode value = value(tuple.getValueNode(), component.getGenericType(), join(path, key));
                if (errors.size() > errorsBefore) {
                    failed.add(key);
                } else if (value != null) {
                    object.set(key, value);
                }
            }
            construct(mapping, object, recordClass, path, pluginName, failed);
            return failed.isEmpty() ? object : null;
        }

        /**
         * Builds the record to run its own checks. Fields that already had errors are left out,
         * and a complaint about one of them is not repeated, so the record's checks of its other
         * fields still report (up to the first one that fails).
         */
        private void construct(MappingNode mapping, ObjectNode object, Class<?> recordClass, String path, String pluginName,
                Set<String> failed) {
            try {
                // plugin configs inherit @JsonTypeInfo from their family interface
                bind(pluginName == null ? object : object.deepCopy().put("type", pluginName), recordClass);
            } catch (IOException | RuntimeException e) {
                Throwable cause = e;
                while (cause.getCause() != null && !(cause instanceof InvalidConfigException)) {
                    cause = cause.getCause();
                }
                String owner = pluginName == null ? "" : "'" + pluginName + "': ";
                if (cause instanceof InvalidConfigException invalid && failed.contains(invalid.field())) {
                    return;
                }
                if (!failed.isEmpty() && !(cause instanceof InvalidConfigException)) {
                    return;
                }
                if (cause instanceof InvalidConfigException invalid) {
                    Node at = tuples(mapping).stream()
                            .filter(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(invalid.field()))
                            .map(NodeTuple::getValueNode).findFirst().orElse(mapping);
                    error(at, join(path, invalid.field()), owner + invalid.getMessage());
                } else {
                    error(mapping, path, owner + cause.getMessage());
                }
            }
        }

        private JsonNode scalar(Node node, Class<?> type, String path) {
            if (type == Object.class) {
                return anything(node, path);
            }
            if (!(node instanceof ScalarNode scalar)) {
                error(node, path, "expected " + expected(type) + ", got " + describe(node));
                return null;
            }
            if (isNull(node)) {
                return JSON.nullNode();
            }
            String text = scalar.getValue();
            try {
                if (type == String.class) {
                    return JSON.textNode(text);
                }
                if (type == Boolean.class || type == boolean.class) {
                    if (!scalar.getTag().equals(Tag.BOOL)) {
                        throw new NumberFormatException();
                    }
                    return JSON.booleanNode(Boolean.parseBoolean(text.toLowerCase()) || text.equalsIgnoreCase("yes") || text.equalsIgnoreCase("on"));
                }
                if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
                    BigInteger value = new BigInteger(text.replace("_", ""));
                    BigInteger max = BigInteger.valueOf(type == Integer.class || type == int.class ? Integer.MAX_VALUE : Long.MAX_VALUE);
                    if (value.abs().compareTo(max) > 0) {
                        error(node, path, "number " + text + " is too large");
                        return null;
                    }
                    return type == Integer.class || type == int.class ? JSON.numberNode(value.intValue()) : JSON.numberNode(value.longValue());
                }
                if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
                    double value = new BigDecimal(text.replace("_", "")).doubleValue();
                    return JSON.numberNode(value);
                }
                if (type.isEnum()) {
                    List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> externalName((Enum<?>) c)).toList();
                    for (String name : names) {
                        if (name.equalsIgnoreCase(text)) {
                            return JSON.textNode(name);
                        }
                    }
                    error(node, path, "unknown value '" + text + "'." + ClosestName.suggestion(text, names) + " Allowed: " + String.join(", ", names));
                    return null;
                }
            } catch (NumberFormatException e) {
                error(node, path, "expected " + expected(type) + ", got '" + text + "'");
                return null;
            }
            throw new IllegalStateException("descriptor model uses unsupported type " + type + " at " + path);
        }

        private JsonNode anything(Node node, String path) {
            if (node instanceof MappingNode) {
                return map(node, Object.class, path);
            }
            if (node instanceof SequenceNode) {
                return list(node, Object.class, path);
            }
            ScalarNode scalar = (ScalarNode) node;
            if (isNull(node)) {
                return JSON.nullNode();
            }
            if (scalar.getTag().equals(Tag.INT)) {
                return scalar(node, Long.class, path);
            }
            if (scalar.getTag().equals(Tag.FLOAT)) {
                return scalar(node, Double.class, path);
            }
            if (scalar.getTag().equals(Tag.BOOL)) {
                return scalar(node, Boolean.class, path);
            }
            return JSON.textNode(scalar.getValue());
        }

        private String known(PluginFamily family) {
            return String.join(", ", plugins.registry().factories(family).keySet());
        }
    }

    /**
     * A mapping's entries with YAML merge keys ({@code <<: *anchor}) resolved: merged entries
     * first-come, and any key written explicitly overrides a merged one.
     */
    private static List<NodeTuple> tuples(MappingNode mapping) {
        List<NodeTuple> explicit = new ArrayList<>();
        List<NodeTuple> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && (key.getTag().equals(Tag.MERGE) || "<<".equals(key.getValue()))) {
                Node value = tuple.getValueNode();
                List<Node> sources = value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
                for (Node source : sources) {
                    if (source instanceof MappingNode sourceMapping) {
                        merged.addAll(tuples(sourceMapping));
                    }
                }
            } else {
                explicit.add(tuple);
            }
        }
        Set<String> keys = new HashSet<>();
        for (NodeTuple tuple : explicit) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                keys.add(key.getValue());
            }
        }
        List<NodeTuple> all = new ArrayList<>(explicit);
        for (NodeTuple tuple : merged) {
            if (tuple.getKeyNode() instanceof ScalarNode key && keys.add(key.getValue())) {
                all.add(tuple);
            }
        }
        return all;
    }

    /** The name an enum constant has in YAML: its {@code @JsonProperty} value, else its Java name. */
    private static String externalName(Enum<?> constant) {
        try {
            com.fasterxml.jackson.annotation.JsonProperty property = constant.getDeclaringClass().getField(constant.name())
                    .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return property == null ? constant.name() : property.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? JSON.nullNode() : node;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("unsupported type in descriptor model: " + type);
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == Float.class || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isRecord()) {
            return "a mapping";
        }
        return "a single value";
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }
}
