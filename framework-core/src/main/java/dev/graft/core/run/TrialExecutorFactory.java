package dev.graft.core.run;

import java.io.IOException;
import java.util.List;

/**
 * Makes a {@link TrialExecutor}; found with {@link java.util.ServiceLoader} (a module lists its
 * factory in {@code META-INF/services/dev.graft.core.run.TrialExecutorFactory}), chosen by name
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
     * Starts the executor (processes, a cluster) before the orchestrator pretrains, so that its
     * start-up overlaps that work.
     *
     * @param setup the run's job, its options and how to make failed records
     * @return the executor
     * @throws IOException if it cannot start
     */
    TrialExecutor start(ExecutorSetup setup) throws IOException;
}
