package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/writing-a-plugin.md shows the example plugin project file by file; what a reader copies
 * from the page is what ExternalPluginTest builds and sweeps, and no file of the project is left
 * out of the page.
 */
class PluginDocExampleTest {
    static final Path DOC = Path.of("..", "docs", "writing-a-plugin.md");
    static final Path EXAMPLE = Path.of("..", "examples", "cosine-head");
    static final Pattern FILE = Pattern.compile("\\*\\*examples/cosine-head/([^*]+)\\*\\*\\n\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    @Test
    void thePageShowsEveryFileOfTheExampleWordForWord() throws IOException {
        Map<String, String> shown = new TreeMap<>();
        Matcher m = FILE.matcher(Files.readString(DOC));
        while (m.find()) {
            shown.put(m.group(1), m.group(2));
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(EXAMPLE)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !EXAMPLE.relativize(f).startsWith("target")).toList()) {
                files.put(EXAMPLE.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        assertTrue(files.size() >= 7, files.keySet().toString());
        assertEquals(files.keySet(), shown.keySet(), "the page and examples/cosine-head list other files");
        files.forEach((name, text) -> assertEquals(text, shown.get(name), name + " differs from its copy in docs/writing-a-plugin.md"));
    }
}
