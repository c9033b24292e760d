package dev.graft.core.sweep;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graft.core.descriptor.BackboneSpec;
import dev.graft.core.descriptor.Experiment;
import dev.graft.core.descriptor.SweepSpec;
import dev.graft.spi.Axis;
import dev.graft.spi.PluginConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Expands an experiment into trials: the product of backbone, head, freeze, augment, regularizer,
 * samples-per-class and seed, less the excluded combinations, each transfer trial followed by
 * its scratch baseline. Baselines shared by several transfer trials (they do not depend on the
 * freeze schedule or on pretraining) appear once.
 */
public final class SweepExpander {
    private final ObjectMapper mapper;

    /**
     * @param mapper the canonical config mapper
     */
    public SweepExpander(ObjectMapper mapper) {
        this.mapper = requireNonNull(mapper, "mapper is null");
    }

    /**
     * @param experiment the experiment
     * @return the trials in run order: per size, per seed, baselines before the transfer trials that need them
     */
    public List<Trial> expand(Experiment experiment) {
        SweepSpec sweep = experiment.sweep();
        List<Axis> axes = sweep.known();
        // per axis: the choices (a no-op choice, or an optional axis left out, is the axis absent: null) and their labels
        List<List<PluginConfig>> choices = new ArrayList<>();
        List<List<String>> choiceLabels = new ArrayList<>();
        for (Axis axis : axes) {
            List<PluginConfig> listed = sweep.choices(axis);
            if (listed.isEmpty()) {
                choices.add(Collections.singletonList(null));
                choiceLabels.add(List.of("none"));
            } else {
                choices.add(listed.stream().map(c -> !axis.required() && c.noop() ? null : c).toList());
                choiceLabels.add(labels(listed.stream().map(this::json).toList()));
            }
        }
        List<String> backboneLabels = backboneLabels(experiment);
        List<String> architectureLabels = labels(sweep.backbone().stream().map(b -> json(b.architecture())).toList());

        Map<String, Trial> trials = new LinkedHashMap<>();
        for (int samples : experiment.target().samplesPerClass()) {
            for (long seed : experiment.seeds().seeds()) {
                for (int b = 0; b < sweep.backbone().size(); b++) {
                    BackboneSpec backbone = sweep.backbone().get(b);
                    // the product of the axes, the last varying fastest
                    int[] index = new int[axes.size()];
                    do {
                        Map<String, PluginConfig> components = new LinkedHashMap<>();
                        String[] transferLabels = new String[axes.size()];
                        String[] baselineLabels = new String[axes.size()];
                        for (int a = 0; a < axes.size(); a++) {
                            PluginConfig choice = choices.get(a).get(index[a]);
                            if (choice != null) {
                                components.put(axes.get(a).name(), choice);
                            }
                            transferLabels[a] = choiceLabels.get(a).get(index[a]);
                            baselineLabels[a] = axes.get(a).sharedWithBaseline() ? transferLabels[a] : "-";
                        }
                        if (excluded(sweep.exclude(), backbone, components, samples)) {
                            continue;
                        }
                        TrialSpec spec = new TrialSpec(TrialKind.transfer, backbone, components, samples, seed,
                                experiment.target().data(), experiment.target().validationFraction(),
                                experiment.target().testSamplesPerClass(), experiment.train(), axes);
                        TrialSpec baseline = spec.scratchBaseline();
                        String baselineId = TrialIds.of(mapper, baseline);
                        trials.putIfAbsent(baselineId, new Trial(baselineId, baseline, Optional.empty(),
                                labels(architectureLabels.get(b), axes, baselineLabels)));
                        String id = TrialIds.of(mapper, spec);
                        trials.putIfAbsent(id, new Trial(id, spec, Optional.of(baselineId), labels(backboneLabels.get(b), axes, transferLabels)));
                    } while (next(index, choices));
                }
            }
        }
        return List.copyOf(trials.values());
    }

    private static TrialLabels labels(String backbone, List<Axis> axes, String[] byAxis) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int a = 0; a < axes.size(); a++) {
            labels.put(axes.get(a).name(), byAxis[a]);
        }
        return new TrialLabels(backbone, labels);
    }

    /** Advances an odometer over the axes' choices, the last axis fastest; false after the last combination. */
    private static boolean next(int[] index, List<List<PluginConfig>> choices) {
        for (int a = index.length - 1; a >= 0; a--) {
            if (++index[a] < choices.get(a).size()) {
                return true;
            }
            index[a] = 0;
        }
        return false;
    }

    /**
     * @param experiment the experiment
     * @return the label of each backbone choice, in descriptor order, as trials carry it: its
     *     {@code label} if it has one, else its type; choices that would share a label also show
     *     the fields that tell them apart (three backbones labelled {@code digits} that differ in
     *     {@code transferLayers} are {@code digits(transferLayers=1)}, ...), so two strategies
     *     never display alike
     */
    public List<String> backboneLabels(Experiment experiment) {
        List<BackboneSpec> backbones = experiment.sweep().backbone();
        return labels(backbones.stream().map(this::backboneJson).toList(),
                backbones.stream().map(BackboneSpec::label).toList());
    }

    private JsonNode json(Object config) {
        return mapper.valueToTree(config);
    }

    private JsonNode backboneJson(BackboneSpec spec) {
        ObjectNode node = (ObjectNode) json(spec.architecture()).deepCopy();
        if (spec.pretrain() != null) {
            node.set("pretrain", json(spec.pretrain()));
        }
        if (spec.transferLayers() != null) {
            node.put("transferLayers", spec.transferLayers());
        }
        return node;
    }

    /**
     * Labels each choice by its type; choices sharing a type also show the fields that differ.
     */
    static List<String> labels(List<JsonNode> choices) {
        return labels(choices, Collections.nCopies(choices.size(), null));
    }

    /**
     * Labels each choice by its name (its type where the name is null); choices sharing a name
     * also show the fields that differ, and choices still alike after that (their differing
     * values print alike) get their position, so different choices never share a label.
     *
     * @param choices the choices' resolved configs
     * @param names a display name per choice, or null to use its type
     */
    static List<String> labels(List<JsonNode> choices, List<String> names) {
        List<String> base = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            base.add(names.get(i) != null ? names.get(i) : choices.get(i).path("type").asText());
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            JsonNode choice = choices.get(i);
            List<String> differing = new ArrayList<>();
            for (int j = 0; j < choices.size(); j++) {
                JsonNode other = choices.get(j);
                if (j == i || !base.get(j).equals(base.get(i))) {
                    continue;
                }
                for (Iterator<String> fields = choice.fieldNames(); fields.hasNext(); ) {
                    String field = fields.next();
                    if (!choice.get(field).equals(other.get(field)) && !differing.contains(field)) {
                        differing.add(field);
                    }
                }
            }
            if (differing.isEmpty()) {
                labels.add(base.get(i));
            } else {
                List<String> parts = new ArrayList<>();
                for (String field : differing) {
                    JsonNode value = choice.get(field);
                    parts.add(value.isContainerNode() && value.size() > 4 ? field + "#" + (i + 1)
                            : field + "=" + (value.isTextual() ? value.asText() : value.toString()));
                }
                labels.add(base.get(i) + "(" + String.join(",", parts) + ")");
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                if (labels.get(i).equals(labels.get(j)) && !choices.get(i).equals(choices.get(j))) {
                    labels.set(j, labels.get(j) + "#" + (j + 1));
                }
            }
        }
        return labels;
    }

    private boolean excluded(List<Map<String, Object>> rules, BackboneSpec backbone, Map<String, PluginConfig> components, int samples) {
        for (Map<String, Object> rule : rules) {
            boolean all = true;
            for (Map.Entry<String, Object> condition : rule.entrySet()) {
                String key = condition.getKey();
                JsonNode actual;
                if (key.equals("backbone")) {
                    actual = backboneJson(backbone);
                } else if (key.equals("samplesPerClass")) {
                    actual = mapper.getNodeFactory().numberNode(samples);
                } else {
                    PluginConfig config = components.get(key);
                    actual = config == null ? mapper.createObjectNode().put("type", "none") : json(config);
                }
                all &= matches(actual, mapper.valueToTree(condition.getValue()));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** A rule value matches a type name, an equal number, or a mapping whose fields all match. */
    static boolean matches(JsonNode actual, JsonNode rule) {
        if (rule.isTextual() && actual.isObject()) {
            return rule.asText().equals(actual.path("type").asText());
        }
        if (rule.isNumber() && actual.isNumber()) {
            return rule.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (rule.isObject() && actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = rule.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!actual.has(field.getKey()) || !matches(actual.get(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (rule.isArray() && actual.isArray() && rule.size() == actual.size()) {
            for (int i = 0; i < rule.size(); i++) {
                if (!matches(actual.get(i), rule.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return rule.equals(actual);
    }
}
