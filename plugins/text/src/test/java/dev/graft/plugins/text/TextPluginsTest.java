package dev.graft.plugins.text;

import dev.graft.text.TokenFormat;
import dev.graft.text.LabeledTokens;
import dev.graft.text.TokenBatch;
import dev.graft.text.TokenInputSpec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.graft.spi.GraftException;
import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.spi.backbone.LayerGroup;
import dev.graft.spi.data.Batch;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.DatasetInfo;
import dev.graft.spi.data.ExampleFormat;
import dev.graft.spi.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextPluginsTest {
    private static final DataContext BUNDLED = new DataContext(List.of(), Optional.of(TextContractTest.BUNDLED), TextContractTest.BUNDLED);

    @Test
    void theBundledTokenizerSplitsUnknownWordsIntoPiecesOffline() {
        try (WordPieces pieces = WordPieces.load(TextContractTest.BUNDLED.resolve("wordnet-glosses/tokenizer.json"))) {
            assertEquals(3000, pieces.vocabulary());
            // lower-cased, punctuation split off, a word outside the vocabulary cut into pieces
            String[] tokens = pieces.pieces("A Person who plays, in Water: fabric!");
            assertEquals(List.of("a", "person", "who", "play", "##s", ",", "in", "water", ":", "f", "##ab", "##ric", "!"), Arrays.asList(tokens));
            int[] ids = new int[12];
            pieces.encode("a person", 6, ids, 3);
            assertEquals(0, ids[0], "nothing written before the offset");
            assertNotEquals(0, ids[3]);
            assertNotEquals(0, ids[4]);
            assertArrayEquals(new int[] {0, 0, 0, 0}, Arrays.copyOfRange(ids, 5, 9), "padded to the length");
            int[] cut = new int[2];
            pieces.encode("a person who plays", 2, cut, 0);
            assertArrayEquals(Arrays.copyOfRange(ids, 3, 5), cut, "cut to the length");
        }
    }

    @Test
    void theCorpusHas35ClassesOf300And100Definitions() {
        GlossesProvider provider = new GlossesProvider();
        GlossesConfig config = new GlossesConfig(null, "bundled", null, null, null);
        DatasetInfo info = provider.describe(config, BUNDLED);
        assertEquals(35, info.classNames().size());
        assertEquals("noun.act", info.classNames().get(0));
        assertEquals("noun.animal", info.classNames().get(1));
        assertEquals("verb.stative", info.classNames().get(34));
        assertTrue(info.trainCounts().stream().allMatch(c -> c == 300), info.trainCounts().toString());
        assertEquals(new TokenFormat(32, 3000), info.format());
        LabeledTokens test = provider.load(config, Split.TEST, BUNDLED);
        assertEquals(3500, test.size());
        assertEquals(info.format(), test.format());
        for (int i = 0; i < test.size(); i++) {
            assertTrue(test.gather(new int[] {i}).used(0) > 0, "definition " + i + " has no token");
        }
        assertTrue(Arrays.stream(test.classCounts()).allMatch(c -> c == 100));
        LabeledTokens shorter = provider.load(new GlossesConfig(null, "bundled", null, 8, null), Split.TEST, BUNDLED);
        assertNotEquals(test.checksum(), shorter.checksum(), "the length is part of the checksum");
        assertArrayEquals(Arrays.copyOfRange(test.tokens(), 0, 8), Arrays.copyOfRange(shorter.tokens(), 0, 8));
    }

    @Test
    void aBrokenCorpusIsNamedWithItsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("train.tsv"), "category\toffset\twords\tdefinition\nnoun.act\t1\tx\ta deed\nnoun.act\t2\tonly three\n");
        Files.writeString(dir.resolve("test.tsv"), "category\toffset\twords\tdefinition\nnoun.act\t3\ty\tanother deed\n");
        Files.copy(TextContractTest.BUNDLED.resolve("wordnet-glosses/tokenizer.json"), dir.resolve("tokenizer.json"));
        GraftException e = assertThrows(GraftException.class, () -> new GlossesProvider().describe(new GlossesConfig(null, dir.toString(), null, null, null),
                BUNDLED));
        assertTrue(e.getMessage().contains("train.tsv: line 3"), e.getMessage());
        e = assertThrows(GraftException.class, () -> new GlossesProvider().describe(new GlossesConfig(null, dir.resolve("missing").toString(), null, null,
                null), BUNDLED));
        assertTrue(e.getMessage().contains("not found") && e.getMessage().contains("missing"), e.getMessage());
        Files.writeString(dir.resolve("train.tsv"), "category\toffset\twords\tdefinition\nnoun.act\t1\tx\ta deed\n");
        Files.writeString(dir.resolve("tokenizer.json"), "{\"model\": {\"vocab\": {\"a\": 0, \"[PAD]\": 1}}}");
        e = assertThrows(GraftException.class, () -> new GlossesProvider().describe(new GlossesConfig(null, dir.toString(), null, null, null), BUNDLED));
        assertTrue(e.getMessage().contains("tokenizer.json") && e.getMessage().contains("[PAD]"), e.getMessage());
    }

    @Test
    void tokenDropoutDeletesInOrderAndKeepsOneToken() {
        TokenBatch batch = new TokenBatch(new int[] {5, 6, 7, 8, 9, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0}, new int[] {0, 1}, 8);
        TokenBatch half = (TokenBatch) new TokenAugmenters.Dropout().create(new TokenDropoutConfig(0.5)).apply(batch, new SplittableRandom(3));
        assertEquals(8, half.length());
        int[] kept = Arrays.copyOfRange(half.tokens(), 0, half.used(0));
        assertTrue(kept.length >= 1 && kept.length <= 5);
        int last = 0;
        for (int token : kept) {
            assertTrue(token > last, "order kept: " + Arrays.toString(kept));
            last = token;
        }
        assertArrayEquals(new int[] {4, 0, 0, 0, 0, 0, 0, 0}, Arrays.copyOfRange(half.tokens(), 8, 16), "a one-token sequence keeps its token");
        assertArrayEquals(new int[] {5, 6, 7, 8, 9, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0}, batch.tokens(), "the input is untouched");
        // p = 0.9 deletes most tokens: over many sequences about 10% survive, never fewer than one each
        int[] many = new int[100 * 20];
        for (int i = 0; i < many.length; i++) {
            many[i] = 1 + i % 20;
        }
        TokenBatch thinned = (TokenBatch) new TokenAugmenters.Dropout().create(new TokenDropoutConfig(0.9)).apply(new TokenBatch(many, new int[100], 20),
                new SplittableRandom(1));
        int survivors = 0;
        for (int n = 0; n < 100; n++) {
            assertTrue(thinned.used(n) >= 1);
            survivors += thinned.used(n);
        }
        assertTrue(survivors > 150 && survivors < 260, survivors + " of 2000 survived p = 0.9");
    }

    @Test
    void tokenSwapKeepsTheTokensAndThePadding() {
        int[] tokens = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0};
        TokenBatch swapped = (TokenBatch) new TokenAugmenters.Swap().create(new TokenSwapConfig(0.3)).apply(new TokenBatch(tokens, new int[1], 12),
                new SplittableRandom(5));
        int[] out = swapped.tokens();
        assertEquals(10, swapped.used(0));
        int[] sorted = Arrays.copyOfRange(out, 0, 10);
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, sorted);
        assertNotEquals(Arrays.toString(tokens), Arrays.toString(out), "three swaps moved something at this seed");
    }

    @Test
    void tokenAugmentersAndBackbonesRefuseImagesNamingThem() {
        record Pixels(int[] labels) implements Batch {}
        GraftException e = assertThrows(GraftException.class,
                () -> new TokenAugmenters.Swap().create(new TokenSwapConfig(0.3)).apply(new Pixels(new int[1]), new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("token augmenter cannot augment Pixels"), e.getMessage());
        ExampleFormat images = () -> "1x28x28 images";
        e = assertThrows(GraftException.class, () -> new TextCnnFactory().create(new TextCnnConfig(null, null, null), new BackboneContext(images)));
        assertEquals("this backbone reads token data but the data are 1x28x28 images", e.getMessage());
        e = assertThrows(GraftException.class, () -> new TokenInputSpec(100).check(new TokenFormat(8, 200)));
        assertTrue(e.getMessage().contains("200 ids") && e.getMessage().contains("100 rows"), e.getMessage());
    }

    @Test
    void theTransformerIgnoresPaddingAndTheCnnGivesOneVectorPerSequence() {
        TokenFormat format = new TokenFormat(12, 50);
        try (Model model = Model.newInstance("features"); NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(4);
            Backbone transformer = initialised(new TextTransformerFactory().create(new TextTransformerConfig(16, 2, 2, 32, 0.1),
                    new BackboneContext(format)), format, model);
            assertEquals(List.of("embedding", "layer1", "layer2"), transformer.layerGroups().stream().map(LayerGroup::name).toList());
            // the same three tokens, padded to 12 and to 6: the features agree (positions are absolute, padding is masked)
            float[] long12 = features(transformer, new int[] {7, 8, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 12, manager);
            float[] short6 = features(transformer, new int[] {7, 8, 9, 0, 0, 0}, 6, manager);
            assertEquals(16, long12.length);
            assertArrayEquals(long12, short6, 1e-5f);
            float[] swapped = features(transformer, new int[] {9, 8, 7, 0, 0, 0}, 6, manager);
            assertTrue(Math.abs(swapped[0] - short6[0]) + Math.abs(swapped[1] - short6[1]) > 1e-4, "order matters through the positions");
            Backbone cnn = initialised(new TextCnnFactory().create(new TextCnnConfig(8, List.of(16, 24), 3), new BackboneContext(format)), format,
                    model);
            assertEquals(List.of("embedding", "conv1", "conv2"), cnn.layerGroups().stream().map(LayerGroup::name).toList());
            assertEquals(24, features(cnn, new int[] {7, 8, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 12, manager).length);
        }
    }

    /** Initialises the backbone's groups in order for {@code format}. */
    private static Backbone initialised(Backbone backbone, TokenFormat format, Model model) {
        Shape[] shapes = {backbone.inputSpec().networkInput(format)};
        for (LayerGroup group : backbone.layerGroups()) {
            group.block().initialize(model.getNDManager(), DataType.FLOAT32, shapes);
            shapes = group.block().getOutputShapes(shapes);
        }
        return backbone;
    }

    /** The backbone run in inference mode on one sequence of {@code length}. */
    private static float[] features(Backbone backbone, int[] tokens, int length, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            NDList x = backbone.inputSpec().prepare(new TokenBatch(tokens, new int[1], length)).toNDList(scope);
            ParameterStore store = new ParameterStore(scope, false);
            for (LayerGroup group : backbone.layerGroups()) {
                x = group.block().forward(store, x, false);
            }
            return x.singletonOrThrow().toFloatArray();
        }
    }
}
