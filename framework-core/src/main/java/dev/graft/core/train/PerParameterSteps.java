package dev.graft.core.train;

import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Sgd;
import java.util.HashMap;
import java.util.Map;

/**
 * DJL's optimisers count updates globally: {@code Optimizer.updateCount} returns the largest
 * count of any parameter updated so far, in the order DJL happens to visit parameters (a hash map
 * keyed by random ids). Once a schedule unfreezes a group mid-training, its parameters then get
 * Adam's bias correction for the wrong step, and which wrong step depends on the visiting order,
 * so runs stop being reproducible. These optimisers count each parameter's own updates, as
 * PyTorch's do (its Adam keeps {@code state['step']} per parameter).
 */
final class PerParameterSteps {
    private final Map<String, Integer> steps = new HashMap<>();

    private PerParameterSteps() {}

    /** @return the 1-based number of this update of {@code parameterId} */
    private int next(String parameterId) {
        return steps.merge(parameterId, 1, Integer::sum);
    }

    /** Adam with per-parameter step counts. */
    static final class CountingAdam extends Adam {
        private final PerParameterSteps steps = new PerParameterSteps();

        CountingAdam(Adam.Builder builder) {
            super(builder);
        }

        @Override
        protected int updateCount(String parameterId) {
            return steps.next(parameterId);
        }
    }

    /** SGD with per-parameter step counts. */
    static final class CountingSgd extends Sgd {
        private final PerParameterSteps steps = new PerParameterSteps();

        CountingSgd(Sgd.Builder builder) {
            super(builder);
        }

        @Override
        protected int updateCount(String parameterId) {
            return steps.next(parameterId);
        }
    }
}
