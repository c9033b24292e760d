package dev.graft.core.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.optimizer.Sgd;
import ai.djl.training.tracker.ParameterTracker;
import dev.graft.spi.train.UpdateRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Per-parameter optimiser bookkeeping that DJL does not give: step counts and a way to save and
 * restore the optimiser's state for a checkpoint.
 *
 * <p>DJL's optimisers count updates globally: {@code Optimizer.updateCount} returns the largest
 * count of any parameter updated so far, in the order DJL happens to visit parameters (a hash map
 * keyed by random ids). Once a schedule unfreezes a group mid-training, its parameters then get
 * Adam's bias correction for the wrong step, and which wrong step depends on the visiting order,
 * so runs stop being reproducible. These optimisers count each parameter's own updates, as
 * PyTorch's do (its Adam keeps {@code state['step']} per parameter).
 *
 * <p>Their state arrays (Adam's first and second moments, SGD's momentum) live in private maps
 * that DJL fills through {@code withDefaultState}; intercepting that call lets a checkpoint read
 * them and a resumed trial seed them. Parameter ids are random per model instance, so the state
 * is keyed by the parameter's stable path name in the network.
 */
final class PerParameterSteps {
    private final Map<String, Integer> steps = new HashMap<>();
    /** State maps in the order the optimiser first asked for them (Adam: means, then variances). */
    private final Map<Map<String, Map<Device, NDArray>>, Integer> slots = new IdentityHashMap<>();
    private final Map<Integer, Map<String, NDArray>> live = new TreeMap<>();
    private Map<Integer, Map<String, float[]>> pendingValues = Map.of();
    private Map<Integer, Map<String, long[]>> pendingShapes = Map.of();
    private Map<String, String> idToName = Map.of();

    private PerParameterSteps() {}

    /** @return the 1-based number of this update of {@code parameterId} */
    private int next(String parameterId) {
        return steps.merge(parameterId, 1, Integer::sum);
    }

    private NDArray state(Map<String, Map<Device, NDArray>> map, String key, Device device, Function<String, NDArray> fallback,
            StateLookup superCall) {
        int slot = slots.computeIfAbsent(map, m -> slots.size());
        String name = idToName.get(key);
        float[] restored = name == null ? null : pendingValues.getOrDefault(slot, Map.of()).remove(name);
        Function<String, NDArray> initial = restored == null ? fallback : k -> {
            try (NDArray template = fallback.apply(k)) {
                return NativeMemory.owned(template.getManager().create(restored, new Shape(pendingShapes.get(slot).get(name))));
            }
        };
        NDArray array = superCall.get(map, key, device, initial);
        live.computeIfAbsent(slot, s -> new HashMap<>()).put(key, array);
        return array;
    }

    /** The optimiser's own {@code withDefaultState}. */
    @FunctionalInterface
    private interface StateLookup {
        NDArray get(Map<String, Map<Device, NDArray>> map, String key, Device device, Function<String, NDArray> fallback);
    }

    /** A snapshot of an optimiser's state, keyed by parameter name. */
    record Snapshot(Map<String, Integer> steps, Map<Integer, Map<String, float[]>> values, Map<Integer, Map<String, long[]>> shapes) {}

    Snapshot snapshot(Map<String, String> idToName) {
        Map<String, Integer> byName = new TreeMap<>();
        steps.forEach((id, count) -> byName.put(idToName.get(id), count));
        Map<Integer, Map<String, float[]>> values = new TreeMap<>();
        Map<Integer, Map<String, long[]>> shapes = new TreeMap<>();
        live.forEach((slot, arrays) -> arrays.forEach((id, array) -> {
            values.computeIfAbsent(slot, s -> new LinkedHashMap<>()).put(idToName.get(id), array.toFloatArray());
            shapes.computeIfAbsent(slot, s -> new LinkedHashMap<>()).put(idToName.get(id), array.getShape().getShape());
        }));
        return new Snapshot(byName, values, shapes);
    }

    void restore(Snapshot snapshot, Map<String, String> idToName) {
        this.idToName = Map.copyOf(idToName);
        Map<String, String> nameToId = new HashMap<>();
        idToName.forEach((id, name) -> nameToId.put(name, id));
        steps.clear();
        snapshot.steps().forEach((name, count) -> steps.put(nameToId.get(name), count));
        pendingValues = new HashMap<>();
        snapshot.values().forEach((slot, values) -> pendingValues.put(slot, new HashMap<>(values)));
        pendingShapes = snapshot.shapes();
    }

    /** An optimiser whose state can be saved and restored. */
    interface Checkpointable {
        /** @return the bookkeeping */
        PerParameterSteps bookkeeping();
    }

    /** Adam with per-parameter step counts. */
    static final class CountingAdam extends Adam implements Checkpointable {
        private final PerParameterSteps steps = new PerParameterSteps();

        CountingAdam(Adam.Builder builder) {
            super(builder);
        }

        @Override
        protected int updateCount(String parameterId) {
            return steps.next(parameterId);
        }

        @Override
        protected NDArray withDefaultState(Map<String, Map<Device, NDArray>> state, String key, Device device, Function<String, NDArray> fallback) {
            return steps.state(state, key, device, fallback, super::withDefaultState);
        }

        @Override
        public PerParameterSteps bookkeeping() {
            return steps;
        }
    }

    /** SGD with per-parameter step counts. */
    static final class CountingSgd extends Sgd implements Checkpointable {
        private final PerParameterSteps steps = new PerParameterSteps();

        CountingSgd(Sgd.Builder builder) {
            super(builder);
        }

        @Override
        protected int updateCount(String parameterId) {
            return steps.next(parameterId);
        }

        @Override
        protected NDArray withDefaultState(Map<String, Map<Device, NDArray>> state, String key, Device device, Function<String, NDArray> fallback) {
            return steps.state(state, key, device, fallback, super::withDefaultState);
        }

        @Override
        public PerParameterSteps bookkeeping() {
            return steps;
        }
    }

    /**
     * A contributed {@link UpdateRule} behind DJL's optimiser interface, with the same bookkeeping:
     * per-parameter step counts and state arrays a checkpoint saves and restores. The rule's
     * intermediate arrays live for one update ({@link NDScope}).
     */
    static final class CountingRule extends Optimizer implements Checkpointable {
        private final PerParameterSteps steps = new PerParameterSteps();
        private final UpdateRule rule;
        private final ParameterTracker rates;
        private final boolean weightDecay;
        private final List<Map<String, Map<Device, NDArray>>> state = new ArrayList<>();

        CountingRule(UpdateRule rule, ParameterTracker rates, boolean weightDecay) {
            super(new RuleBuilder());
            this.rule = rule;
            this.rates = rates;
            this.weightDecay = weightDecay;
            for (int i = 0; i < rule.stateArrays(); i++) {
                state.add(new java.util.concurrent.ConcurrentHashMap<>());
            }
        }

        @Override
        public void update(String parameterId, NDArray weight, NDArray grad) {
            int step = steps.next(parameterId);
            float rate = rates.getNewValue(parameterId, step);
            NDArray[] arrays = new NDArray[state.size()];
            for (int i = 0; i < arrays.length; i++) {
                arrays[i] = withDefaultState(state.get(i), parameterId, weight.getDevice(), k -> weight.zerosLike());
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                rule.update(weight, grad, arrays, rate, weightDecay, step);
                // PyTorch adds each backward pass to the parameter's gradient; DJL's own updates
                // zero it afterwards (its fused Adam and SGD do), and so must this one. The
                // gradient handed to update() is not that array, so zero the parameter's own.
                NDArray accumulated = weight.getGradient();
                accumulated.subi(accumulated);
            }
        }

        @Override
        protected NDArray withDefaultState(Map<String, Map<Device, NDArray>> map, String key, Device device, Function<String, NDArray> fallback) {
            return steps.state(map, key, device, fallback, super::withDefaultState);
        }

        @Override
        public PerParameterSteps bookkeeping() {
            return steps;
        }

        /** DJL's builder, with nothing to set: the rule has its own hyper-parameters. */
        private static final class RuleBuilder extends OptimizerBuilder<RuleBuilder> {
            @Override
            protected RuleBuilder self() {
                return this;
            }
        }
    }
}
