package dev.graft.core.train;

import ai.djl.nn.Parameter;
import dev.graft.spi.freeze.BackboneParameter;
import dev.graft.spi.freeze.ParameterState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A network's backbone parameters as freeze schedules see them ({@link BackboneParameter}: group,
 * name, kind, size), beside the DJL parameters they describe, and the one place that applies a
 * schedule's per-parameter answer.
 */
final class BackboneParameters {
    private final List<BackboneParameter> described = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();

    private BackboneParameters() {}

    /** @return every parameter of every layer group of {@code network}, group by group, in block order */
    static BackboneParameters of(GroupedNetwork network) {
        BackboneParameters all = new BackboneParameters();
        for (int g = 0; g < network.groups().size(); g++) {
            var group = network.groups().get(g);
            for (var entry : group.block().getParameters()) {
                Parameter parameter = entry.getValue();
                long size = parameter.isInitialized() ? parameter.getArray().size() : 0;
                all.described.add(new BackboneParameter(group.name(), g, entry.getKey(), kind(parameter.getType()), size));
                all.parameters.add(parameter);
            }
        }
        return all;
    }

    static BackboneParameter.Kind kind(Parameter.Type type) {
        return switch (type) {
            case WEIGHT -> BackboneParameter.Kind.WEIGHT;
            case BIAS -> BackboneParameter.Kind.BIAS;
            case GAMMA -> BackboneParameter.Kind.NORM_SCALE;
            case BETA -> BackboneParameter.Kind.NORM_SHIFT;
            case RUNNING_MEAN, RUNNING_VAR -> BackboneParameter.Kind.RUNNING_STATISTIC;
            default -> BackboneParameter.Kind.OTHER;
        };
    }

    /** @return the parameters as a schedule sees them */
    List<BackboneParameter> described() {
        return List.copyOf(described);
    }

    /**
     * Freezes or unfreezes each parameter and sets its rate multiplier as {@code states} say;
     * parameters of re-initialised groups (from {@code firstNewGroup} up) train at the base rate,
     * running statistics are left alone.
     *
     * @return the names of the groups with at least one training parameter, in order
     */
    List<String> apply(List<ParameterState> states, int firstNewGroup, GroupLearningRates rates) {
        if (states.size() != parameters.size()) {
            throw new IllegalStateException("freeze schedule returned " + states.size() + " parameter states for " + parameters.size()
                    + " backbone parameters");
        }
        Set<String> training = new LinkedHashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            BackboneParameter about = described.get(i);
            if (about.kind() == BackboneParameter.Kind.RUNNING_STATISTIC) {
                continue;
            }
            ParameterState state = about.groupIndex() >= firstNewGroup ? ParameterState.TRAINING : states.get(i);
            boolean trains = state.trains() && state.lrMultiplier() > 0;
            parameters.get(i).freeze(!trains);
            rates.setMultiplier(parameters.get(i), state.lrMultiplier());
            if (trains) {
                training.add(about.group());
            }
        }
        return List.copyOf(training);
    }
}
