package dev.graft.plugins.text;

import dev.graft.text.TokenFormat;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.spi.GraftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A tokenizer read from a Hugging Face {@code tokenizer.json} (a word-piece vocabulary with BERT's
 * normalisation, as {@code experiments/data/make-wordnet-tokenizer.py} writes one) through DJL's
 * binding of Hugging Face's tokenizers, whose native library ships inside its jar: nothing is
 * downloaded. Id 0 must be the padding token.
 */
final class WordPieces implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final int vocabulary;

    private WordPieces(HuggingFaceTokenizer tokenizer, int vocabulary) {
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
    }

    /**
     * @param file a tokenizer.json
     * @return the tokenizer
     * @throws GraftException naming the file when it is missing or not a word-piece tokenizer with [PAD] as id 0
     */
    static WordPieces load(Path file) {
        int size = vocabularySize(file);
        try {
            // ids are cut and padded here; the limit given only keeps the library from warning that none was
            return new WordPieces(HuggingFaceTokenizer.newInstance(file, Map.of("addSpecialTokens", "false", "maxLength", "512")), size);
        } catch (IOException | RuntimeException e) {
            throw new GraftException(file + ": not a tokenizer the Hugging Face tokenizers library reads: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the vocabulary's size from the file without loading the tokenizer.
     *
     * @param file a tokenizer.json
     * @return the number of ids, one past the largest
     */
    static int vocabularySize(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new GraftException(file + ": no such tokenizer file");
        }
        try {
            JsonNode vocab = new ObjectMapper().readTree(file.toFile()).path("model").path("vocab");
            if (!vocab.isObject() || vocab.size() < 2) {
                throw new GraftException(file + ": model.vocab is not a vocabulary (expected a word-piece tokenizer.json)");
            }
            if (vocab.path("[PAD]").asInt(-1) != TokenFormat.PAD) {
                throw new GraftException(file + ": model.vocab must give [PAD] the id " + TokenFormat.PAD + ", the id sequences are padded with");
            }
            int max = -1;
            for (JsonNode id : (Iterable<JsonNode>) vocab::elements) {
                max = Math.max(max, id.asInt());
            }
            return max + 1;
        } catch (IOException e) {
            throw new GraftException(file + ": cannot read the tokenizer: " + e.getMessage(), e);
        }
    }

    /** @return the number of ids */
    int vocabulary() {
        return vocabulary;
    }

    /**
     * @param text a text
     * @param length the sequence length
     * @param out where the ids go: {@code length} ids from {@code offset}, cut at {@code length}
     *     and padded with 0
     * @param offset the first position written
     */
    void encode(String text, int length, int[] out, int offset) {
        Encoding encoding = tokenizer.encode(text, false, false);
        long[] ids = encoding.getIds();
        for (int i = 0; i < length; i++) {
            out[offset + i] = i < ids.length ? (int) ids[i] : TokenFormat.PAD;
        }
    }

    /**
     * @param text a text
     * @return its word pieces, for messages and tests
     */
    String[] pieces(String text) {
        return tokenizer.encode(text, false, false).getTokens();
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
