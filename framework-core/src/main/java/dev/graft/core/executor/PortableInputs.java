package dev.graft.core.executor;

import dev.graft.core.trial.Pretrained;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.spi.GraftException;
import dev.graft.spi.data.Examples;
import dev.graft.spi.head.HeadConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Map;

/**
 * A trial's inputs as bytes, for executors on other machines: the target's examples (Java
 * serialisation of the modality's own class) and a pretrained backbone (its parameters as saved,
 * its source head's config and its provenance as the run's JSON). Decoding gives objects a trial
 * cannot tell from the originals: the same arrays, the same parameters.
 */
public final class PortableInputs {
    private PortableInputs() {}

    /**
     * @param examples examples of any modality
     * @return them serialised
     * @throws GraftException naming the class when it is not {@link Serializable}
     */
    public static byte[] examples(Examples examples) {
        if (!(examples instanceof Serializable)) {
            throw new GraftException("the examples of " + examples.origin() + " are a " + examples.getClass().getName()
                    + ", which is not java.io.Serializable, so they cannot be shipped to executors on other machines; "
                    + "make the class Serializable (docs/writing-a-plugin.md) or train with another executor");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(examples);
        } catch (IOException e) {
            throw new GraftException("the examples of " + examples.origin() + " cannot be serialised: " + e, e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param bytes what {@link #examples(Examples)} wrote
     * @return the examples
     */
    public static Examples examples(byte[] bytes) {
        return examples(bytes, PortableInputs.class.getClassLoader());
    }

    /**
     * @param bytes what {@link #examples(Examples)} wrote
     * @param loader where their classes are (the run's plugin jars: a modality a plugin jar brings)
     * @return the examples
     */
    public static Examples examples(byte[] bytes, ClassLoader loader) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return (Examples) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new GraftException("shipped examples cannot be read in this process: " + e, e);
        }
    }

    /** The JSON form of a {@link Pretrained}. */
    private record Portable(String key, byte[] weights, byte[] sourceHead, HeadConfig sourceHeadConfig, int sourceClasses,
            double sourceAccuracy, double seconds, boolean cached, Map<String, Object> provenance) {}

    /**
     * @param pretrained a pretrained backbone
     * @param mapper the run's config mapper (it knows the source head's config type)
     * @return it as JSON bytes
     */
    public static byte[] pretrained(Pretrained pretrained, ObjectMapper mapper) {
        try {
            return mapper.writeValueAsBytes(new Portable(pretrained.key(), pretrained.weights(), pretrained.sourceHead(),
                    pretrained.sourceHeadConfig(), pretrained.sourceClasses(), pretrained.sourceAccuracy(), pretrained.seconds(),
                    pretrained.cached(), pretrained.provenance()));
        } catch (IOException e) {
            throw new GraftException("pretrained backbone " + pretrained.key() + " cannot be serialised: " + e, e);
        }
    }

    /**
     * @param bytes what {@link #pretrained(Pretrained, ObjectMapper)} wrote
     * @param mapper the run's config mapper
     * @return the pretrained backbone
     */
    public static Pretrained pretrained(byte[] bytes, ObjectMapper mapper) {
        try {
            Portable p = mapper.readValue(bytes, new TypeReference<Portable>() {});
            return new Pretrained(p.key(), p.weights(), p.sourceHead(), p.sourceHeadConfig(), p.sourceClasses(), p.sourceAccuracy(),
                    p.seconds(), p.cached(), p.provenance());
        } catch (IOException e) {
            throw new GraftException("a shipped pretrained backbone cannot be read in this process: " + e, e);
        }
    }
}
