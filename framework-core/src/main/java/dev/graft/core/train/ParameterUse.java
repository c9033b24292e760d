package dev.graft.core.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which of a network's parameters a training changes, observed at the start of every epoch once
 * the freeze schedule has spoken: a parameter that receives gradients in some epoch is trained;
 * BatchNorm running statistics of a group (or head) that runs in training mode in some epoch
 * change without training. What changed is what a task must store beside the pretrained backbone.
 * Parameters are named as the network names them, so the record survives a checkpoint.
 */
final class ParameterUse {
    private final Map<String, Long> sizes = new LinkedHashMap<>();
    private final Set<String> trained = new HashSet<>();
    private final Set<String> changed = new HashSet<>();

    /** Records what trains and what changes in the epoch about to start. */
    void observe(GroupedNetwork network) {
        Map<String, String> names = new java.util.HashMap<>();
        for (var entry : network.getParameters()) {
            Parameter parameter = entry.getValue();
            names.put(parameter.getId(), entry.getKey());
            sizes.putIfAbsent(entry.getKey(), parameter.getArray().size());
            if (parameter.requiresGradient()) {
                trained.add(entry.getKey());
                changed.add(entry.getKey());
            }
        }
        for (int i = 0; i < network.groups().size(); i++) {
            if (network.runsInTrainingMode(i)) {
                runningStatistics(network.groups().get(i).block(), names);
            }
        }
        for (Block head : new Block[] {network.head(), network.sourceHead()}) {
            if (head != null) {
                runningStatistics(head, names);
            }
        }
    }

    private void runningStatistics(Block block, Map<String, String> names) {
        for (var entry : block.getParameters()) {
            Parameter.Type type = entry.getValue().getType();
            if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
                changed.add(names.get(entry.getValue().getId()));
            }
        }
    }

    /** @return the names of the parameters trained so far, sorted */
    java.util.List<String> trained() {
        return trained.stream().sorted().toList();
    }

    /** @return the names of the parameters changed so far (trained, or running statistics that followed the data), sorted */
    java.util.List<String> changed() {
        return changed.stream().sorted().toList();
    }

    /**
     * Takes on what a checkpoint's epochs trained and changed.
     *
     * @param trainedNames parameters trained in the restored epochs
     * @param changedNames parameters changed in them
     */
    void restore(java.util.List<String> trainedNames, java.util.List<String> changedNames) {
        trained.addAll(trainedNames);
        changed.addAll(changedNames);
    }

    /**
     * @param bytesPerValue bytes of one parameter value (4 for float32)
     * @return the counts over every epoch observed
     */
    ParameterCounts counts(int bytesPerValue) {
        long total = sizes.values().stream().mapToLong(Long::longValue).sum();
        long trainedValues = trained.stream().mapToLong(n -> sizes.getOrDefault(n, 0L)).sum();
        long changedValues = changed.stream().mapToLong(n -> sizes.getOrDefault(n, 0L)).sum();
        return new ParameterCounts(total, trainedValues, changedValues, changedValues * bytesPerValue, total * bytesPerValue);
    }
}
