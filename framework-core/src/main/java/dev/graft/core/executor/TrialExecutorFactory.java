package dev.graft.core.executor;

import java.io.IOException;
import java.util.List;

/**
 * Makes a {@link TrialExecutor}; found with {@link java.util.ServiceLoader} (a module lists its
 * factory in {@code META-INF/services/dev.graft.core.executor.TrialExecutorFactory}), chosen by name
 * with {@code graft run --executor NAME}. The core provides {@code in-process} and
 * {@code workers}; {@code graft-spark} provides {@code spark}.
 */
public interface TrialExecutorFactory {
    /** @return the name {@code --executor} takes */
    String name();

    /** @return one line for {@code graft run --help} and the docs */
    String description();


    /**
     * Refuses options that cannot work, before the run loads or writes anything.
     *
     * @param options the executor's options by key
     * @throws dev.graft.spi.GraftException naming the option
     */
    default void check(java.util.Map<String, String> options) {}

    /**
     * The executor's own flags on {@code graft run}; the command line adds them, so an executor
     * outside Graft's core brings its options with it. A flag given with another executor is
     * refused naming the executor it configures.
     *
     * @return the flags, none by default
     */
    default java.util.List<Flag> flags() {
        return java.util.List.of();
    }

    /**
     * A flag of {@code graft run} that sets executor options: {@code --FLAG VALUE} sets the option
     * {@code key}, or, repeatable, {@code --FLAG KEY=VALUE} sets option KEY, which must start with
     * {@code keyPrefix}.
     *
     * @param name the flag, with its dashes
     * @param label the value's name in the help
     * @param description the help line
     * @param key the option the value sets, or null for a repeatable KEY=VALUE flag
     * @param keyPrefix what every KEY of a KEY=VALUE flag starts with (null for a plain flag)
     * @param example a KEY=VALUE example for the message that refuses a malformed one
     */
    record Flag(String name, String label, String description, String key, String keyPrefix, String example) {
        /** @return a flag whose value sets {@code key} */
        public static Flag value(String name, String label, String description, String key) {
            return new Flag(name, label, description, key, null, null);
        }

        /** @return a repeatable {@code KEY=VALUE} flag whose keys start with {@code keyPrefix} */
        public static Flag keyValue(String name, String description, String keyPrefix, String example) {
            return new Flag(name, "KEY=VALUE", description, null, keyPrefix, example);
        }

        /** @return whether it is given once per KEY=VALUE pair */
        public boolean repeatable() {
            return key == null;
        }

        /**
         * @param value one value given on the command line
         * @param options the executor's options, which it sets
         * @throws dev.graft.spi.GraftException if a KEY=VALUE value is malformed
         */
        public void apply(String value, java.util.Map<String, String> options) {
            if (!repeatable()) {
                options.put(key, value);
                return;
            }
            int equals = value.indexOf('=');
            if (equals < 1 || !value.startsWith(keyPrefix)) {
                throw new dev.graft.spi.GraftException(name + " " + value + ": write KEY=VALUE with a key starting '" + keyPrefix + "', e.g. "
                        + example);
            }
            options.put(value.substring(0, equals).strip(), value.substring(equals + 1).strip());
        }
    }

    /**
     * Starts the executor (processes, a cluster) before the orchestrator pretrains, so that its
     * start-up overlaps that work.
     *
     * @param setup the run's job, its options and how to make failed records
     * @return the executor
     * @throws IOException if it cannot start
     */
    TrialExecutor start(ExecutorSetup setup) throws IOException;
}
