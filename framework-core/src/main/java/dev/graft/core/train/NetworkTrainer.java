package dev.graft.core.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import dev.graft.core.descriptor.OptimizerConfig;
import dev.graft.core.descriptor.TrainConfig;
import dev.graft.spi.GraftException;
import dev.graft.spi.augment.Augmenter;
import dev.graft.spi.data.Batch;
import dev.graft.spi.backbone.InputSpec;
import dev.graft.spi.data.Examples;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.GroupState;
import dev.graft.spi.freeze.TrainingPosition;
import dev.graft.spi.train.TrainingHook;
import dev.graft.spi.train.UpdateRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import static java.util.Objects.requireNonNull;

/**
 * Trains a {@link GroupedNetwork}: a loop over epochs and batches, and {@link LoopHook}s that act
 * at its events. At each epoch's start the freeze schedule decides which groups train and at what
 * learning-rate multiplier; batches are shuffled with the trial's seed, augmented, normalised and
 * copied as whole arrays, each in its own native scope; the hooks make the loss ({@link
 * Objective}, {@link Penalty}), check it ({@link DivergenceGuard}), keep the best epoch and stop
 * ({@link EarlyStopping}), let contributed plugins hear steps and epochs ({@link
 * ContributedHooks}) and save each epoch ({@link Checkpointing}); the best epoch's weights are
 * restored at the end.
 */
public final class NetworkTrainer {
    private final TrainConfig config;
    private final FreezeSchedule schedule;
    private final Augmenter augmenter;
    /** Seconds the last {@code train} call's training thread waited for prepared batches. */
    private double dataWaitSeconds;
    private final InputSpec inputSpec;
    private final long seed;
    private final int firstNewGroup;
    private final Regularization regularization;
    private Path checkpointFile;
    private String checkpointKey;
    /** By axis name, in axis order. */
    private Map<String, TrainingHook> hooks = Map.of();

    /**
     * @param config epochs, batch size, optimiser, early stopping
     * @param schedule which groups train when; null trains every group every epoch
     * @param augmenter applied to training batches; null for none
     * @param inputSpec the backbone's normalisation
     * @param seed the trial's seed (shuffling and augmentation)
     */
    public NetworkTrainer(TrainConfig config, FreezeSchedule schedule, Augmenter augmenter, InputSpec inputSpec, long seed) {
        this(config, schedule, augmenter, inputSpec, seed, Integer.MAX_VALUE);
    }

    /**
     * @param config epochs, batch size, optimiser, early stopping
     * @param schedule which groups train when; null trains every group every epoch
     * @param augmenter applied to training batches; null for none
     * @param inputSpec the backbone's normalisation
     * @param seed the trial's seed (shuffling and augmentation)
     * @param firstNewGroup groups from this index up were re-initialised rather than transferred:
     *     they always train at the base rate, whatever the schedule says, like the head
     */
    public NetworkTrainer(TrainConfig config, FreezeSchedule schedule, Augmenter augmenter, InputSpec inputSpec, long seed, int firstNewGroup) {
        this(config, schedule, augmenter, inputSpec, seed, firstNewGroup, null);
    }

    /**
     * @param config epochs, batch size, optimiser, early stopping
     * @param schedule which groups train when; null trains every group every epoch
     * @param augmenter applied to training batches; null for none
     * @param inputSpec the backbone's normalisation
     * @param seed the trial's seed (shuffling and augmentation)
     * @param firstNewGroup groups from this index up were re-initialised rather than transferred
     * @param regularization a penalty added to every step's loss, or null
     */
    public NetworkTrainer(TrainConfig config, FreezeSchedule schedule, Augmenter augmenter, InputSpec inputSpec, long seed, int firstNewGroup,
            Regularization regularization) {
        this.regularization = regularization;
        this.firstNewGroup = firstNewGroup;
        this.config = requireNonNull(config, "config is null");
        this.schedule = schedule;
        this.augmenter = augmenter;
        this.inputSpec = requireNonNull(inputSpec, "inputSpec is null");
        this.seed = seed;
    }

    /**
     * Lets contributed plugins change the training: an update rule replaces the descriptor's
     * optimiser, a learning-rate factor its schedule (at most one hook each); every hook hears each
     * step's loss and each epoch's metrics, and may end the training after an epoch.
     *
     * @param hooks the trial's hooks, by the name of the axis that chose them, in axis order
     * @return this trainer
     */
    public NetworkTrainer withHooks(Map<String, TrainingHook> hooks) {
        this.hooks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(hooks, "hooks is null")));
        return this;
    }

    /**
     * Makes training write a checkpoint after every epoch that is not the last, and resume from
     * one that belongs to {@code key} when it starts.
     *
     * @param file the checkpoint file
     * @param key what the checkpoint belongs to (the trial id)
     * @return this trainer
     */
    public NetworkTrainer checkpointTo(Path file, String key) {
        this.checkpointFile = requireNonNull(file, "file is null");
        this.checkpointKey = requireNonNull(key, "key is null");
        return this;
    }

    /**
     * @param model a model whose block is an initialised {@link GroupedNetwork} with a head
     * @param train training examples
     * @param validation validation examples, possibly empty
     * @param listener told after each epoch
     * @return per-epoch metrics and the best epoch, whose weights the network now holds
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public TrainingOutcome train(Model model, Examples train, Examples validation, EpochListener listener) {
        Loop loop = new Loop(model, train, validation);
        try (GradientSteps steps = new GradientSteps(model, loop.optimizer);
                BatchPrefetcher prefetcher = new BatchPrefetcher(train, augmenter, inputSpec, config.batchSize())) {
            int firstEpoch = loop.resume(listener);
            for (int epoch = firstEpoch; epoch < config.epochs() && !loop.stoppedEarly; epoch++) {
                EpochMetrics metrics = loop.epoch(epoch, steps, prefetcher);
                listener.epochFinished(metrics);
                loop.afterEpoch(metrics);
            }
            dataWaitSeconds = prefetcher.waitSeconds();
        }
        return loop.outcome();
    }

    /** One call of {@link #train}: the network, its optimiser, the random streams, the loop's hooks and what the epochs gave. */
    private final class Loop {
        final Examples train;
        final Examples validation;
        final GroupedNetwork network;
        final NDManager manager;
        final GroupLearningRates rates;
        final Optimizer optimizer;
        final SplittableRandom shuffleRandom = new SplittableRandom(Seeds.derive(seed, "shuffle"));
        final SplittableRandom augmentRandom = new SplittableRandom(Seeds.derive(seed, "augment"));
        final List<EpochMetrics> epochs = new ArrayList<>();
        long stepsTaken;
        final long stepsPerEpoch;
        final long totalSteps;
        final Map<String, String> idToName = new HashMap<>();
        final EarlyStopping best;
        /** the loop's concerns, in the order they act at each event */
        final List<LoopHook> hooks = new ArrayList<>();
        final LoopTimes.Clock times = new LoopTimes.Clock();
        final ParameterUse use = new ParameterUse();
        boolean stoppedEarly;

        Loop(Model model, Examples train, Examples validation) {
            this.train = train;
            this.validation = validation;
            this.network = (GroupedNetwork) model.getBlock();
            this.manager = model.getNDManager();
            UpdateRule rule = onlyOne("an update rule", TrainingHook::updateRule);
            this.rates = new GroupLearningRates(rule != null ? rule.learningRate() : config.optimizer().lr().floatValue());
            boolean noDecay = regularization != null && regularization.regularizer().replacesWeightDecay();
            this.optimizer = rule != null ? new PerParameterSteps.CountingRule(rule, rates, !noDecay) : optimizer(config.optimizer(), rates, noDecay);
            this.stepsPerEpoch = Math.max(1, (train.size() + config.batchSize() - 1) / config.batchSize());
            this.totalSteps = stepsPerEpoch * config.epochs();
            for (var parameter : network.getParameters()) {
                idToName.put(parameter.getValue().getId(), parameter.getKey());
            }
            this.best = new EarlyStopping(config.earlyStopping(), validation.size() > 0, network);
            hooks.add(new Objective());
            if (regularization != null) {
                // copies the starting weights now, before a checkpoint's are loaded
                hooks.add(new Penalty(regularization, network, manager, firstNewGroup));
            }
            hooks.add(new DivergenceGuard());
            hooks.add(best);
            if (!NetworkTrainer.this.hooks.isEmpty()) {
                hooks.add(new ContributedHooks(List.copyOf(NetworkTrainer.this.hooks.values()), config.epochs()));
            }
            if (checkpointFile != null) {
                hooks.add(new Checkpointing(checkpointFile, checkpointKey, config.epochs(), network, rates, (PerParameterSteps.Checkpointable) optimizer,
                        idToName, best, epochs, () -> stepsTaken, use));
            }
        }

        /** Continues from the checkpoint if there is one (weights, optimiser state, epochs, random streams), then starts the hooks. */
        int resume(EpochListener listener) {
            TrialCheckpoint resumed = checkpointFile == null ? null : TrialCheckpoint.read(checkpointFile, checkpointKey).orElse(null);
            int firstEpoch = 0;
            if (resumed != null) {
                network.loadAll(manager, resumed.weights());
                ((PerParameterSteps.Checkpointable) optimizer).bookkeeping().restore(resumed.optimizer(), idToName);
                for (EpochMetrics metrics : resumed.epochs()) {
                    epochs.add(metrics);
                    listener.epochFinished(metrics);
                }
                stepsTaken = resumed.step();
                firstEpoch = resumed.epochsDone();
                replayRandomStreams(train, firstEpoch, shuffleRandom, augmentRandom);
                use.restore(resumed.trainedParameters(), resumed.changedParameters());
            }
            for (LoopHook hook : hooks) {
                hook.start(resumed);
            }
            return firstEpoch;
        }

        /** One epoch: the schedule's groups, every batch's step, then validation. */
        EpochMetrics epoch(int epoch, GradientSteps steps, BatchPrefetcher prefetcher) {
            long started = System.nanoTime();
            // dropout draws from the engine: a per-epoch seed makes a resumed epoch draw what it would have
            Engine.getInstance().setRandomSeed((int) Seeds.derive(seed, "epoch " + epoch));
            TrainingPosition position = new TrainingPosition(epoch, config.epochs());
            List<String> training = applySchedule(network, rates, position);
            use.observe(network);
            int[] order = shuffled(train.size(), shuffleRandom);
            double lossSum = 0;
            long correct = 0;
            int batches = 0;
            prefetcher.startEpoch(order, augmentRandom);
            for (BatchPrefetcher.Prepared prepared = prefetcher.next(); prepared != null; prepared = prefetcher.next()) {
                Batch batch = prepared.batch();
                try (NDManager scope = manager.newSubManager()) {
                    LoopStep at = new LoopStep(scope, batch, prepared.input().toNDList(scope), epoch, batches, stepsTaken);
                    StepResult result = step(at, steps, position);
                    lossSum += result.loss();
                    correct += correct(result.logits(), batch.labels());
                    batches++;
                }
            }
            long validating = System.nanoTime();
            double[] validationScores = validation.size() > 0 ? accuracyAndLoss(network, manager, validation) : new double[] {Double.NaN, Double.NaN};
            EpochMetrics metrics = new EpochMetrics(epoch + 1, lossSum / Math.max(1, batches),
                    (double) correct / train.size(), validationScores[0], validationScores[1], (System.nanoTime() - started) / 1e9, training);
            times.validation += System.nanoTime() - validating;
            epochs.add(metrics);
            return metrics;
        }

        /** One gradient step: forward, the loss the hooks build, backward, the hooks' look at the loss, the optimiser's update. */
        StepResult step(LoopStep at, GradientSteps steps, TrainingPosition position) {
            for (LoopHook hook : hooks) {
                hook.beforeForward(at);
            }
            NDArray loss = null;
            NDArray logits;
            long t0 = System.nanoTime();
            long t1;
            try (GradientCollector collector = steps.newGradientCollector()) {
                NDList outputs = steps.forward(at.x());
                logits = outputs.get(0);
                for (LoopHook hook : hooks) {
                    loss = hook.loss(at, outputs, loss);
                }
                t1 = System.nanoTime();
                collector.backward(loss);
            }
            long t2 = System.nanoTime();
            float lossValue = loss.getFloat();
            for (LoopHook hook : hooks) {
                hook.afterLoss(at, lossValue);
            }
            rates.setScheduleFactor(scheduleFactor(position, stepsTaken, stepsPerEpoch, totalSteps));
            stepsTaken++;
            long t3 = System.nanoTime();
            steps.step();
            long t4 = System.nanoTime();
            times.forward += t1 - t0;
            times.backward += t2 - t1;
            times.step += t4 - t3;
            return new StepResult(lossValue, logits);
        }

        /** The hooks see the epoch's metrics; any of them may end the training (early stopping). */
        void afterEpoch(EpochMetrics metrics) {
            for (LoopHook hook : hooks) {
                if (!hook.afterEpoch(metrics)) {
                    stoppedEarly = true;
                    break;
                }
            }
        }

        /** Restores the best epoch's weights and says what the training gave. */
        TrainingOutcome outcome() {
            best.restoreBest(manager, epochs.size());
            return new TrainingOutcome(epochs, best.bestEpoch(), stoppedEarly, times.seconds(dataWaitSeconds), use.counts(Float.BYTES));
        }
    }

    /** A step's loss, read once, and its logits, for the epoch's accuracy. */
    private record StepResult(float loss, NDArray logits) {}

    /**
     * The learning-rate factor for a step: the freeze schedule's own (a recipe such as fine-tune's
     * one-cycle), or a hook's, or the descriptor's {@code train.optimizer.schedule}.
     */
    private double scheduleFactor(TrainingPosition position, long step, long stepsPerEpoch, long totalSteps) {
        double own = schedule == null ? Double.NaN : schedule.lrFactor(position, (double) (step % stepsPerEpoch) / stepsPerEpoch);
        String hooked = null;
        double factor = Double.NaN;
        for (Map.Entry<String, TrainingHook> hook : hooks.entrySet()) {
            String name = hook.getKey();
            double f = hook.getValue().learningRateFactor(step, stepsPerEpoch, totalSteps);
            if (!Double.isNaN(f)) {
                if (hooked != null) {
                    throw new GraftException("both '" + hooked + "' and '" + name + "' set the learning-rate schedule; choose one");
                }
                hooked = name;
                factor = f;
            }
        }
        if (!Double.isNaN(own) && hooked != null) {
            throw new GraftException("the freeze schedule sets its own learning-rate schedule, and '" + hooked
                    + "' sets another; exclude the combination");
        }
        return !Double.isNaN(own) ? own : hooked != null ? factor : config.optimizer().schedule().factor(step, stepsPerEpoch, totalSteps);
    }

    /** @return what the one hook that gives it gives, or null when none does */
    private <T> T onlyOne(String what, java.util.function.Function<TrainingHook, T> ask) {
        String owner = null;
        T answer = null;
        for (Map.Entry<String, TrainingHook> hook : hooks.entrySet()) {
            String name = hook.getKey();
            T given = ask.apply(hook.getValue());
            if (given != null) {
                if (owner != null) {
                    throw new GraftException("both '" + owner + "' and '" + name + "' give " + what + "; choose one");
                }
                owner = name;
                answer = given;
            }
        }
        return answer;
    }

    /** @return seconds the last {@code train} call waited for its batches to be prepared (gathered, augmented, normalised) */
    public double dataWaitSeconds() {
        return dataWaitSeconds;
    }

    /** Draws what the finished epochs drew from the shuffling and augmentation streams. */
    private void replayRandomStreams(Examples train, int finishedEpochs, SplittableRandom shuffleRandom, SplittableRandom augmentRandom) {
        for (int epoch = 0; epoch < finishedEpochs; epoch++) {
            int[] order = shuffled(train.size(), shuffleRandom);
            if (augmenter == null) {
                continue;
            }
            for (int start = 0; start < order.length; start += config.batchSize()) {
                augmenter.apply(train.gather(java.util.Arrays.copyOfRange(order, start, Math.min(order.length, start + config.batchSize()))),
                        augmentRandom);
            }
        }
    }

    private List<String> applySchedule(GroupedNetwork network, GroupLearningRates rates, TrainingPosition position) {
        List<String> names = network.groupNames();
        List<GroupState> plan = schedule == null ? java.util.Collections.nCopies(names.size(), GroupState.TRAINING)
                : schedule.plan(names, position);
        if (plan.size() != names.size()) {
            throw new IllegalStateException("freeze schedule returned " + plan.size() + " states for " + names.size() + " groups");
        }
        List<String> training = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            GroupState state = i >= firstNewGroup ? GroupState.TRAINING : plan.get(i);
            boolean trains = state.trains() && state.lrMultiplier() > 0;
            if (!trains && config.trainBatchNorm()) {
                network.setBatchNormOnly(i);
                rates.setMultiplier(network.groups().get(i).block(), 1.0);
            } else {
                network.setTrains(i, trains, state.trainingMode());
                rates.setMultiplier(network.groups().get(i).block(), state.lrMultiplier());
            }
            if (trains) {
                training.add(names.get(i));
            }
        }
        if (schedule != null) {
            BackboneParameters parameters = BackboneParameters.of(network);
            List<dev.graft.spi.freeze.ParameterState> chosen = schedule.parameters(parameters.described(), position);
            if (chosen != null) {
                training = new ArrayList<>(parameters.apply(chosen, firstNewGroup, rates));
            }
        }
        double head = schedule == null ? 1.0 : schedule.headLrMultiplier(position);
        rates.setMultiplier(network.head(), head);
        if (network.sourceHead() != null) {
            rates.setMultiplier(network.sourceHead(), head);
        }
        // what edits added trains in every epoch at the head's rate, whatever the groups around it do
        for (Block block : network.editBlocks()) {
            block.freezeParameters(false, GroupedNetwork::isTrainable);
            rates.setMultiplier(block, head);
        }
        return training;
    }

    /** @return accuracy and mean cross-entropy of the network on {@code data} */
    private double[] accuracyAndLoss(GroupedNetwork network, NDManager manager, Examples data) {
        float[][] probabilities = Inference.probabilities(network, manager, data, inputSpec, Math.max(config.batchSize(), 256));
        int correct = 0;
        double loss = 0;
        for (int i = 0; i < probabilities.length; i++) {
            int label = data.labels()[i];
            if (argMax(probabilities[i]) == label) {
                correct++;
            }
            loss -= Math.log(Math.max(probabilities[i][label], 1e-12));
        }
        return new double[] {(double) correct / data.size(), loss / data.size()};
    }

    /**
     * @param logits a batch's scores, one row per example
     * @param labels the batch's labels
     * @return how many rows score their label highest (the first of tied scores counts, as
     *     PyTorch's {@code argmax}); one read of the scores instead of four operations and a read
     */
    static long correct(NDArray logits, int[] labels) {
        float[] scores = logits.toFloatArray();
        int classes = scores.length / labels.length;
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int j = 1; j < classes; j++) {
                if (scores[i * classes + j] > scores[i * classes + best]) {
                    best = j;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return correct;
    }

    /**
     * @param row scores
     * @return the index of the largest, the first on ties
     */
    public static int argMax(float[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = Batches.range(0, n);
        Batches.shuffle(order, random);
        return order;
    }

    private static Optimizer optimizer(OptimizerConfig config, GroupLearningRates rates, boolean noDecay) {
        float weightDecay = noDecay ? 0f : config.weightDecay().floatValue();
        return switch (config.type()) {
            case adam -> new PerParameterSteps.CountingAdam(Optimizer.adam().optLearningRateTracker(rates).optWeightDecays(weightDecay));
            case sgd -> new PerParameterSteps.CountingSgd(Optimizer.sgd().setLearningRateTracker(rates).optMomentum(config.momentum().floatValue())
                    .optWeightDecays(weightDecay));
        };
    }
}
