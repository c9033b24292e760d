package dev.graft.core.executor;

import dev.graft.core.plugin.ClosestName;
import dev.graft.spi.GraftException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The trial executors on the class path ({@link TrialExecutorFactory}, found with ServiceLoader), by name. */
public final class TrialExecutors {
    private TrialExecutors() {}

    /** @return every executor factory on the class path, by name */
    public static Map<String, TrialExecutorFactory> all() {
        Map<String, TrialExecutorFactory> all = new TreeMap<>();
        for (TrialExecutorFactory factory : ServiceLoader.load(TrialExecutorFactory.class)) {
            TrialExecutorFactory other = all.putIfAbsent(factory.name(), factory);
            if (other != null && other.getClass() != factory.getClass()) {
                throw new GraftException("two trial executors are named '" + factory.name() + "': " + other.getClass().getName() + " and "
                        + factory.getClass().getName());
            }
        }
        return all;
    }

    /**
     * @param name an executor's name
     * @return its factory
     * @throws GraftException naming the executors there are when none has that name
     */
    public static TrialExecutorFactory named(String name) {
        Map<String, TrialExecutorFactory> all = all();
        TrialExecutorFactory factory = all.get(name);
        if (factory == null) {
            throw new GraftException("no trial executor is named '" + name + "' (there are: " + String.join(", ", all.keySet()) + ")."
                    + ClosestName.suggestion(name, all.keySet()));
        }
        return factory;
    }
}
