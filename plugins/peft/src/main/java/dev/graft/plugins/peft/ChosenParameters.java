package dev.graft.plugins.peft;

import dev.graft.spi.GraftException;
import dev.graft.spi.freeze.BackboneParameter;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.GroupState;
import dev.graft.spi.freeze.ParameterState;
import dev.graft.spi.freeze.TrainingPosition;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A schedule that trains the backbone parameters of some kinds, all of them, for the whole trial,
 * at one rate multiplier, every group's forward pass in training or inference mode.
 *
 * @param name the schedule's {@code type:} name, for messages
 * @param kinds the kinds that train
 * @param lrMultiplier their rate as a fraction of the head's (base) rate
 * @param trainingMode whether the groups run in training mode (BatchNorm with batch statistics)
 */
record ChosenParameters(String name, Set<BackboneParameter.Kind> kinds, double lrMultiplier, boolean trainingMode) implements FreezeSchedule {
    @Override
    public List<GroupState> plan(List<String> groupNames, TrainingPosition position) {
        // every group trains some of its parameters: no cached features, the trainer runs the backbone
        return Collections.nCopies(groupNames.size(), new GroupState(true, lrMultiplier, trainingMode));
    }

    @Override
    public List<ParameterState> parameters(List<BackboneParameter> parameters, TrainingPosition position) {
        if (parameters.stream().noneMatch(p -> kinds.contains(p.kind()))) {
            throw new GraftException(name + ": the backbone has no parameter of the kinds it trains " + kinds.stream().sorted().toList()
                    + "; its parameters are of the kinds " + parameters.stream().map(BackboneParameter::kind).distinct().sorted().toList());
        }
        ParameterState training = new ParameterState(true, lrMultiplier);
        return parameters.stream().map(p -> kinds.contains(p.kind()) ? training : ParameterState.FROZEN).toList();
    }
}
