package dev.graft.core.train;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;

/**
 * What a training loop needs of DJL's {@code Trainer}, and nothing else: forward passes in
 * training mode through a parameter store bound to the optimiser, a gradient collector, and the
 * update of every parameter that takes gradients.
 *
 * <p>Why not {@code Trainer} itself: before its first update, {@code Trainer.step()} adds up every
 * gradient and refuses to go on when the total is exactly {@code 0.0f}, to catch a forgotten
 * {@code backward()}. A correct step can have that total: when a softmax classifier is all that
 * trains (a frozen backbone), the gradients of its bias, and of each column of its weights, sum to
 * zero over the classes by construction, so the total is zero up to rounding, and float rounding
 * makes it exactly zero for some batches (seen on the bundled MNIST digits with a linear head and
 * {@code shift} augmentation). Graft's loop always calls {@code backward} on the loss before it
 * steps, so the check protects nothing here. The parameter store and parameter server are made
 * exactly as {@code Trainer} makes them, so updates, and therefore numbers, are the same.
 */
final class GradientSteps implements AutoCloseable {
    private final Model model;
    private final NDManager manager;
    private final ParameterStore parameterStore;
    private final Device device;
    private final Optimizer optimizer;
    /** The network's parameters, in its order (the set does not change while it trains). */
    private final java.util.List<Parameter> parameters;

    /**
     * @param model a model whose block is initialised
     * @param optimizer the optimiser that updates its parameters
     */
    GradientSteps(Model model, Optimizer optimizer) {
        this.model = requireNonNull(model, "model is null");
        this.optimizer = requireNonNull(optimizer, "optimizer is null");
        this.parameters = java.util.List.copyOf(model.getBlock().getParameters().values());
        this.manager = model.getNDManager().newSubManager();
        this.device = manager.getDevice();
        this.parameterStore = new ParameterStore(manager, false);
        parameterStore.setParameterServer(manager.getEngine().newParameterServer(optimizer), new Device[] {device});
    }

    /**
     * @param inputs a batch
     * @return the block's outputs in training mode (dropout, BatchNorm batch statistics where the
     *     network allows them), recorded for the gradient collector
     */
    NDList forward(NDList inputs) {
        return model.getBlock().forward(parameterStore, inputs, true);
    }

    /** @return a collector to call {@code backward} on the loss with; close it before {@link #step()} */
    GradientCollector newGradientCollector() {
        return manager.getEngine().newGradientCollector();
    }

    /**
     * Updates every parameter that takes gradients with the optimiser, from its current gradient,
     * each handed to the optimiser as it is ({@code ParameterStore.updateAllParameters} copies
     * every gradient first, for aggregating across devices, which one device does not need; the
     * optimiser's update reads the gradient, then zeroes it, so the copy changed no number). The
     * parameters are the network's own, not only those the store handed out: a block that runs
     * its own weights (a TorchScript module) never asks the store for them. ({@code Trainer}
     * registered them as a side effect of its first-step check, so a TorchScript group that a
     * schedule unfroze later never trained.)
     */
    void step() {
        for (Parameter parameter : parameters) {
            if (parameter.requiresGradient()) {
                NDArray weight = parameter.getArray();
                try (NDArray gradient = weight.getGradient()) {
                    optimizer.update(parameter.getId(), weight, gradient);
                }
            }
        }
    }

    @Override
    public void close() {
        parameterStore.sync();
        manager.close();
    }
}
