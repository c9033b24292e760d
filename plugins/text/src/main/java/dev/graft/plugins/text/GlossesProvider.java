package dev.graft.plugins.text;

import dev.graft.text.TokenFormat;
import dev.graft.text.LabeledTokens;
import dev.graft.spi.GraftException;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.DatasetInfo;
import dev.graft.spi.data.DatasetProvider;
import dev.graft.spi.data.Split;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * WordNet glosses labelled by lexicographer file: each example is a synset's definition, its
 * class the file its synset is in ({@code noun.animal}, {@code verb.motion}, ...). Reads {@code
 * train.tsv} and {@code test.tsv} (columns category, offset, words, definition, as {@code
 * experiments/data/make-wordnet-glosses.py} writes them) and tokenises each definition with a
 * word-piece tokenizer into a fixed number of ids.
 */
public final class GlossesProvider implements DatasetProvider<GlossesConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "wordnet-glosses";
    /** The corpus's directory name, under the bundled data and under a {@code --data-dir}. */
    public static final String DIRECTORY = "wordnet-glosses";
    private static final List<String> COLUMNS = List.of("category", "offset", "words", "definition");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<GlossesConfig> configClass() {
        return GlossesConfig.class;
    }

    @Override
    public String description() {
        return "WordNet definitions labelled by lexicographer file (35 classes, text): from --data-dir or the bundled corpus, "
                + "word pieces by a tokenizer.json";
    }

    @Override
    public DatasetInfo describe(GlossesConfig config, DataContext context) {
        Path dir = locate(config, context);
        Map<String, Integer> counts = classCounts(read(dir.resolve("train.tsv")));
        int vocabulary = WordPieces.vocabularySize(tokenizer(config, dir));
        return new DatasetInfo(List.copyOf(counts.keySet()), new TokenFormat(config.maxLength(), vocabulary), List.copyOf(counts.values()));
    }

    @Override
    public LabeledTokens load(GlossesConfig config, Split split, DataContext context) {
        Path dir = locate(config, context);
        Corpus train = read(dir.resolve("train.tsv"));
        Corpus corpus = split == Split.TRAIN ? train : read(dir.resolve("test.tsv"));
        // class ids: train.tsv's categories in sorted order, as describe gives them
        List<String> classes = List.copyOf(classCounts(train).keySet());
        Map<String, Integer> ids = new HashMap<>();
        for (String category : classes) {
            ids.put(category, ids.size());
        }
        Path tokenizerFile = tokenizer(config, dir);
        int length = config.maxLength();
        List<Row> rows = corpus.rows();
        int[] tokens = new int[rows.size() * length];
        int[] labels = new int[rows.size()];
        int vocabulary;
        try (WordPieces pieces = WordPieces.load(tokenizerFile)) {
            vocabulary = pieces.vocabulary();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                Integer label = ids.get(row.category());
                if (label == null) {
                    throw new GraftException(corpus.file() + ": line " + row.line() + ": category '" + row.category() + "' is not one of train.tsv's");
                }
                labels[i] = label;
                pieces.encode(row.definition(), length, tokens, i * length);
            }
        }
        return new LabeledTokens(tokens, labels, new TokenFormat(length, vocabulary), classes,
                sha256(corpus, tokenizerFile, length), corpus.file() + " (" + length + " word pieces by " + tokenizerFile.getFileName() + ")");
    }

    /** A corpus file as read: its bytes (for the checksum) and its data rows. */
    private record Corpus(Path file, byte[] bytes, List<Row> rows) {}

    /** One definition with its category and its line in the file. */
    private record Row(int line, String category, String definition) {}

    /** @return definitions per category, categories in sorted order */
    private static Map<String, Integer> classCounts(Corpus train) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Row row : train.rows()) {
            counts.merge(row.category(), 1, Integer::sum);
        }
        return counts;
    }

    /** The corpus directory, per the config's {@code source}. */
    static Path locate(GlossesConfig config, DataContext context) {
        List<Path> candidates = new ArrayList<>();
        switch (config.source()) {
            case "auto" -> {
                for (Path dir : context.dataDirs()) {
                    candidates.add(dir);
                    candidates.add(dir.resolve(DIRECTORY));
                }
                context.bundledDataDir().ifPresent(dir -> candidates.add(dir.resolve(DIRECTORY)));
            }
            case "bundled" -> context.bundledDataDir().ifPresent(dir -> candidates.add(dir.resolve(DIRECTORY)));
            default -> candidates.add(context.descriptorDir().resolve(config.source()));
        }
        for (Path dir : candidates) {
            if (Files.isRegularFile(dir.resolve("train.tsv")) && Files.isRegularFile(dir.resolve("test.tsv"))) {
                return dir;
            }
        }
        throw new GraftException("WordNet glosses not found (source: " + config.source() + "); looked in "
                + String.join(", ", candidates.stream().map(Path::toString).toList())
                + " for train.tsv and test.tsv; the bundled corpus lives in experiments/data/" + DIRECTORY
                + " of the Graft repository (python3 experiments/data/make-wordnet-glosses.py writes it from Debian's wordnet-base)");
    }

    private static Path tokenizer(GlossesConfig config, Path dir) {
        return config.tokenizer() == null ? dir.resolve("tokenizer.json") : dir.resolve(config.tokenizer());
    }

    /** Reads a corpus file once, checking its header and every row. */
    private static Corpus read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GraftException(file + ": cannot read: " + e.getMessage(), e);
        }
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty() || !List.of(lines.get(0).split("\t", -1)).equals(COLUMNS)) {
            throw new GraftException(file + ": line 1: expected the header " + String.join("<tab>", COLUMNS));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            String[] row = lines.get(i).split("\t", -1);
            if (row.length != COLUMNS.size() || row[0].isBlank() || row[3].isBlank()) {
                throw new GraftException(file + ": line " + (i + 1) + ": expected 4 tab-separated columns with a category and a definition");
            }
            rows.add(new Row(i + 1, row[0], row[3]));
        }
        if (rows.isEmpty()) {
            throw new GraftException(file + ": no definitions");
        }
        return new Corpus(file, bytes, rows);
    }

    private static String sha256(Corpus data, Path tokenizer, int length) {
        try {
            MessageDigest digest = dev.graft.spi.Sha256.digest();
            digest.update(data.bytes());
            digest.update(Files.readAllBytes(tokenizer));
            digest.update(Integer.toString(length).getBytes(StandardCharsets.UTF_8));
            return dev.graft.spi.Sha256.hex(digest);
        } catch (IOException e) {
            throw new GraftException(tokenizer + ": cannot read: " + e.getMessage(), e);
        }
    }
}
