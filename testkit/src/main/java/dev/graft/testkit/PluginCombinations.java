package dev.graft.testkit;

import static java.util.Objects.requireNonNull;

import dev.graft.spi.GraftModule;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Trains a plugin module's plugins together with every installed plugin of the other families,
 * on tiny synthetic images, as Graft's own combination test trains its built-in plugins: so
 * "tested against all the others" holds for a plugin written outside Graft too. Use it from a
 * plugin's tests:
 *
 * <pre>{@code
 * @Test
 * void trainsWithEveryInstalledPlugin(@TempDir Path dir) {
 *     PluginCombinations.of(new MyModule()).run(dir);
 * }
 * }</pre>
 *
 * <p>For each sweep axis the module has plugins on (head, freeze, augment, regularizer, or a
 * contributed axis such as optimizer), its plugins (each with {@code example()}) are crossed with
 * every installed choice of each other axis in turn, the remaining axes at a default (a network
 * head, a schedule that keeps the backbone frozen; optional axes absent); {@link #everyCombination()}
 * crosses all axes at once instead. The backbone is the module's own (its {@code example()}) or the
 * test kit's {@code test-tiny}, pretrained for one epoch on two synthetic classes; the target is two
 * other classes. Each trial trains beside its scratch baseline and must finish, except the
 * combinations Graft documents as unable to run: those {@code graft validate} refuses are left out
 * with the exclude rules it names, and a feature head with a schedule that trains the backbone must
 * fail with its documented message.
 *
 * <p>The training itself needs Graft's core, which a plugin's main code never sees: add
 * {@code dev.graft:graft-harness} with test scope (it brings the core and Graft's own plugins, and
 * provides the {@link Trainer} found here with {@link ServiceLoader}).
 */
public final class PluginCombinations {
    private final GraftModule module;
    private int epochs = 2;
    private boolean everyCombination;

    private PluginCombinations(GraftModule module) {
        this.module = requireNonNull(module, "module is null");
    }

    /**
     * @param module the plugin module under test (found with ServiceLoader too, or not)
     * @return the harness for it
     */
    public static PluginCombinations of(GraftModule module) {
        return new PluginCombinations(module);
    }

    /**
     * @param epochs training epochs of each trial (default 2: a schedule that changes after the first epoch is seen changing)
     * @return this harness
     */
    public PluginCombinations epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        this.epochs = epochs;
        return this;
    }

    /** @return this harness, crossing every axis at once (many more trials) instead of one other axis at a time */
    public PluginCombinations everyCombination() {
        this.everyCombination = true;
        return this;
    }

    /**
     * Trains the combinations.
     *
     * @param workDir an empty directory for the runs and their cache
     * @return what ran
     * @throws AssertionError naming every combination that went wrong, or saying how to install the trainer
     */
    public Result run(Path workDir) {
        List<Trainer> trainers = ServiceLoader.load(Trainer.class, PluginCombinations.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (trainers.isEmpty()) {
            throw new AssertionError("PluginCombinations needs Graft's core to train: add the test dependency "
                    + "dev.graft:graft-harness (docs/writing-a-plugin.md, 'Outside this repository')");
        }
        Result result = trainers.get(0).train(new Request(module, epochs, everyCombination, workDir));
        if (!result.problems().isEmpty()) {
            throw new AssertionError(result.problems().size() + " of " + result.trials() + " trials went wrong:\n"
                    + String.join("\n", result.problems()));
        }
        if (result.trials() == 0) {
            throw new AssertionError("no trial trained: " + String.join("; ", result.notes()));
        }
        return result;
    }

    /**
     * What to train.
     *
     * @param module the plugin module under test
     * @param epochs epochs per trial
     * @param everyCombination whether every axis is crossed at once
     * @param workDir a directory for the runs
     */
    public record Request(GraftModule module, int epochs, boolean everyCombination, Path workDir) {
        public Request {
            requireNonNull(module, "module is null");
            requireNonNull(workDir, "workDir is null");
        }
    }

    /**
     * What trained.
     *
     * @param trials trials recorded (transfer trials and their scratch baselines)
     * @param failedAsDocumented trials that failed with the message Graft documents for their combination
     * @param excludeRules combinations left out because {@code graft validate} refuses them, as exclude rules
     * @param notes what the harness chose or skipped, and why
     * @param problems every trial that went wrong, with its combination and error
     */
    public record Result(int trials, int failedAsDocumented, List<String> excludeRules, List<String> notes, List<String> problems) {
        public Result {
            excludeRules = List.copyOf(excludeRules);
            notes = List.copyOf(notes);
            problems = List.copyOf(problems);
        }
    }

    /** Trains a request; {@code graft-harness} provides one (listed in {@code META-INF/services}). */
    public interface Trainer {
        /**
         * @param request what to train
         * @return what trained, every problem listed
         */
        Result train(Request request);
    }
}
