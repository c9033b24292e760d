package dev.graft.core.sweep;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.graft.core.descriptor.BackboneSpec;
import dev.graft.core.descriptor.TrainConfig;
import dev.graft.spi.Axis;
import dev.graft.spi.PluginConfig;
import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.data.DatasetConfig;
import dev.graft.spi.freeze.FreezeConfig;
import dev.graft.spi.head.HeadConfig;
import dev.graft.spi.regularize.RegularizerConfig;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that determines one trial's numbers. Its canonical JSON, hashed, is the trial id,
 * so the same spec and seed always get the same id and a re-run finds its finished trials.
 *
 * <p>The JSON is one object with sorted keys: the fixed fields below, and one key per strategy
 * axis with the chosen config. An absent axis is written as {@code null} or left out as its
 * {@link Axis#nullWhenAbsent()} says, so axes added later leave existing ids as they were.
 *
 * @param kind transfer or scratch
 * @param backbone the backbone; a scratch trial's has no pretraining
 * @param components the chosen config of each present strategy axis, by axis name, in axis order
 * @param samplesPerClass labelled examples per class
 * @param seed the seed of data sampling, initialisation and augmentation
 * @param targetData the target dataset
 * @param validationFraction share of labelled examples held out for validation
 * @param testSamplesPerClass cap on test examples per class, or null
 * @param train training settings
 * @param axes every strategy axis installed when the trial was planned, in order (not part of the
 *     JSON: it says which axes the components may name and how an absent one is written)
 */
@JsonSerialize(using = TrialSpec.CanonicalJson.class)
public record TrialSpec(
        TrialKind kind,
        BackboneSpec backbone,
        Map<String, PluginConfig> components,
        int samplesPerClass,
        long seed,
        DatasetConfig targetData,
        double validationFraction,
        Integer testSamplesPerClass,
        TrainConfig train,
        List<Axis> axes) {

    public TrialSpec {
        requireNonNull(kind, "kind is null");
        requireNonNull(backbone, "backbone is null");
        axes = List.copyOf(axes);
        Map<String, PluginConfig> ordered = new LinkedHashMap<>();
        for (Axis axis : axes) {
            PluginConfig config = components.get(axis.name());
            if (config != null) {
                ordered.put(axis.name(), config);
            } else if (axis.required() && (kind == TrialKind.transfer || axis.sharedWithBaseline())) {
                throw new IllegalArgumentException("a " + kind + " trial needs a " + axis.name());
            }
            if (config != null && kind == TrialKind.scratch && !axis.sharedWithBaseline()) {
                throw new IllegalArgumentException("a scratch trial has no " + axis.name());
            }
        }
        if (ordered.size() != components.size()) {
            throw new IllegalArgumentException("not strategy axes: " + components.keySet());
        }
        components = Collections.unmodifiableMap(ordered);
        if (kind == TrialKind.scratch && backbone.pretrain() != null) {
            throw new IllegalArgumentException("a scratch trial has no pretraining");
        }
        requireNonNull(targetData, "targetData is null");
        requireNonNull(train, "train is null");
    }

    /** Writes the canonical form: every field and axis under its name, keys sorted, each value typed as declared. */
    static final class CanonicalJson extends JsonSerializer<TrialSpec> {
        private record Typed(Object value, Class<?> declared) {}

        @Override
        public void serialize(TrialSpec spec, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Map<String, Typed> fields = new TreeMap<>();
            fields.put("kind", new Typed(spec.kind, TrialKind.class));
            fields.put("backbone", new Typed(spec.backbone, BackboneSpec.class));
            fields.put("samplesPerClass", new Typed(spec.samplesPerClass, Integer.class));
            fields.put("seed", new Typed(spec.seed, Long.class));
            // declared as the family's interface, so that the config carries its type name
            fields.put("targetData", new Typed(spec.targetData, DatasetConfig.class));
            fields.put("validationFraction", new Typed(spec.validationFraction, Double.class));
            fields.put("testSamplesPerClass", new Typed(spec.testSamplesPerClass, Integer.class));
            fields.put("train", new Typed(spec.train, TrainConfig.class));
            for (Axis axis : spec.axes) {
                PluginConfig config = spec.components.get(axis.name());
                if (config != null || axis.nullWhenAbsent()) {
                    fields.put(axis.name(), new Typed(config, axis.family().configType()));
                }
            }
            gen.writeStartObject();
            for (Map.Entry<String, Typed> field : fields.entrySet()) {
                gen.writeFieldName(field.getKey());
                Typed typed = field.getValue();
                if (typed.value() == null) {
                    gen.writeNull();
                } else {
                    JsonSerializer<Object> serializer = provider.findValueSerializer(typed.value().getClass());
                    TypeSerializer types = provider.findTypeSerializer(provider.constructType(typed.declared()));
                    if (types == null) {
                        serializer.serialize(typed.value(), gen, provider);
                    } else {
                        serializer.serializeWithType(typed.value(), gen, provider, types);
                    }
                }
            }
            gen.writeEndObject();
        }
    }

    /**
     * @param axis a strategy axis
     * @return its chosen config, or null when the axis is absent from this trial
     */
    public PluginConfig component(Axis axis) {
        return components.get(axis.name());
    }

    /** @return the head */
    public HeadConfig head() {
        return (HeadConfig) component(Axis.HEAD);
    }

    /** @return the freeze schedule; null for scratch trials, which train every layer */
    public FreezeConfig freeze() {
        return (FreezeConfig) component(Axis.FREEZE);
    }

    /** @return the augmenter, or null for none */
    public AugmentConfig augment() {
        return (AugmentConfig) component(Axis.AUGMENT);
    }

    /** @return the fine-tuning regulariser, or null for none (always null for scratch) */
    public RegularizerConfig regularizer() {
        return (RegularizerConfig) component(Axis.REGULARIZER);
    }

    /** @return the scratch baseline paired with this trial: the same but for the axes a baseline does not share */
    public TrialSpec scratchBaseline() {
        Map<String, PluginConfig> shared = new LinkedHashMap<>();
        for (Axis axis : axes) {
            if (axis.sharedWithBaseline() && components.containsKey(axis.name())) {
                shared.put(axis.name(), components.get(axis.name()));
            }
        }
        return new TrialSpec(TrialKind.scratch, backbone.scratch(), shared, samplesPerClass, seed, targetData,
                validationFraction, testSamplesPerClass, train, axes);
    }
}
