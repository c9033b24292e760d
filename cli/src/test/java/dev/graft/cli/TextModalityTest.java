package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.cli.GraftCliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: text runs through the same core as images, from plugins alone; plugins of one
 * modality meeting data of another fail with a message naming both, at validation when the
 * formats are known (a source and target of different kinds, an image augmenter on text) and as a
 * failed trial otherwise (an image augmenter inside a chain), while the sweep goes on.
 */
class TextModalityTest {
    static final String TINY_TEXT = """
            name: tiny-text
            seeds: [1]
            target:
              data: {type: wordnet-glosses, classes: [1, 3], source: bundled, maxLength: 16}
              samplesPerClass: [5]
              testSamplesPerClass: 20
            train: {epochs: 2, batchSize: 8}
            sweep:
              backbone:
                - type: text-cnn
                  channels: [16]
                  pretrain:
                    data: {type: wordnet-glosses, classes: [0, 2], source: bundled, maxLength: 16}
                    samplesPerClass: 50
                    train: {epochs: 1, batchSize: 32}
              head: [{type: linear}]
              freeze: [{type: frozen}, {type: full}]
              augment: [{type: none}, {type: token-swap}, {type: flip}]
            similarity: [{type: logme}]
            similaritySamples: 20
            """;

    @TempDir
    Path dir;

    @Test
    void aTextSweepTrainsAndAnImageAugmenterIsRefusedNamingTheModality() throws IOException {
        Path descriptor = Files.writeString(dir.resolve("tiny-text.yaml"), TINY_TEXT);
        Result refused = GraftCliTest.graft("validate", descriptor.toString());
        assertEquals(2, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains(descriptor + ":18:") && refused.err().contains("sweep.augment[2]: augmenter 'flip' transforms image "
                + "examples but the target examples are token sequences of 16 (vocabulary 3000)"), refused.err());

        // inside a chain the augmenter is only met while training: its trials fail with the message and the sweep goes on
        Path chained = Files.writeString(dir.resolve("chained.yaml"), TINY_TEXT.replace("{type: flip}", "{type: chain, steps: [{type: flip}]}"));
        Result run = GraftCliTest.graft("run", chained.toString(), "--out", dir.resolve("run").toString(), "--cache", dir.resolve("cache").toString());
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("9 trials planned, 0 already finished, 6 finished now, 3 failed"), run.out());
        List<String> csv = Files.readAllLines(dir.resolve("run/report/results.csv"));
        List<String> chains = csv.stream().filter(row -> row.contains(",chain,")).toList();
        assertEquals(3, chains.size(), String.join("\n", csv));
        assertTrue(chains.stream().allMatch(row -> row.contains("failed") && row.contains("an image augmenter cannot augment TokenBatch")),
                String.join("\n", chains));
        assertTrue(csv.stream().filter(row -> row.contains(",token-swap,")).allMatch(row -> row.contains(",finished,")), String.join("\n", csv));
    }

    @Test
    void aSourceOfAnotherModalityIsRefusedAtValidationWithItsPosition() throws IOException {
        Path mixed = Files.writeString(dir.resolve("mixed.yaml"), GraftCliTest.TINY.replace(
                "data: {type: fashion-mnist, classes: [0, 1], source: bundled}", "data: {type: wordnet-glosses, classes: [0, 1], source: bundled}"));
        Result result = GraftCliTest.graft("validate", mixed.toString());
        assertEquals(2, result.code(), result.out() + result.err());
        assertTrue(result.err().contains(mixed + ":13:")
                && result.err().contains("sweep.backbone[0].pretrain.data: source examples are token sequences of 32 (vocabulary 3000) but target "
                        + "examples are 1x28x28 images; a backbone pretrained on one cannot read the other"), result.err());

        Path imageBackbone = Files.writeString(dir.resolve("image-backbone.yaml"), TINY_TEXT.replace("type: text-cnn\n      channels: [16]",
                "type: convnet\n      channels: [8, 8]"));
        result = GraftCliTest.graft("validate", imageBackbone.toString());
        assertEquals(2, result.code(), result.out() + result.err());
        assertTrue(result.err().contains(imageBackbone + ":10:") && result.err().contains("sweep.backbone[0]: backbone 'convnet' reads image examples "
                + "but the target examples are token sequences of 16 (vocabulary 3000)"), result.err());
    }
}
