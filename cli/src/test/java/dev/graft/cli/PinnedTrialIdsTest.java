package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.sweep.SweepExpander;
import dev.graft.core.sweep.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The trial ids of every bundled descriptor, pinned: a change to how trials are specified,
 * expanded or hashed must leave them as they are, or every recorded run and every finding in
 * docs/findings/ would be orphaned (a re-run would start over instead of resuming). Each line of
 * {@code src/test/resources/trial-ids/<descriptor>.tsv} is a trial id, its baseline's id (or -),
 * and its labels. After a deliberate change of the protocol, rewrite the files with
 * {@code ./mvnw -o -pl cli test -Dtest=PinnedTrialIdsTest -Dgraft.pin.write=true} and say
 * why in the commit.
 */
class PinnedTrialIdsTest {
    static final Path DESCRIPTORS = Path.of("..", "experiments", "descriptors");
    static final Path PINNED = Path.of("src", "test", "resources", "trial-ids");

    @Test
    void everyBundledDescriptorKeepsItsTrialIds() throws IOException {
        Plugins plugins = Plugins.discover();
        DescriptorReader reader = new DescriptorReader(plugins);
        SweepExpander expander = new SweepExpander(plugins.mapper());
        List<String> changed = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(DESCRIPTORS)) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(19, files.size(), "bundled descriptors: " + files);
        for (Path file : files) {
            List<String> lines = new ArrayList<>();
            for (Trial trial : expander.expand(reader.read(file).experiment())) {
                lines.add(trial.id() + "\t" + trial.baselineId().orElse("-") + "\t" + trial.spec().kind() + "\t" + trial.labels()
                        + "\tn=" + trial.spec().samplesPerClass() + "\tseed=" + trial.spec().seed());
            }
            Path pinned = PINNED.resolve(file.getFileName().toString().replace(".yaml", ".tsv"));
            if (Boolean.getBoolean("graft.pin.write")) {
                Files.createDirectories(PINNED);
                Files.write(pinned, lines);
                continue;
            }
            List<String> expected = Files.readAllLines(pinned);
            if (!expected.equals(lines)) {
                List<String> gone = new ArrayList<>(expected);
                gone.removeAll(lines);
                List<String> added = new ArrayList<>(lines);
                added.removeAll(expected);
                changed.add(file + ": " + gone.size() + " pinned trials gone, " + added.size() + " new"
                        + (gone.isEmpty() ? "" : "; first gone: " + gone.get(0))
                        + (added.isEmpty() ? "" : "; first new: " + added.get(0))
                        + (gone.isEmpty() && added.isEmpty() ? "; the order changed" : ""));
            }
        }
        if (!changed.isEmpty()) {
            fail("trial ids changed:\n" + String.join("\n", changed));
        }
    }
}
