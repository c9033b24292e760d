package dev.graft.plugins.optimizers;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.train.UpdateRule;

/**
 * RMSprop (Tieleman and Hinton 2012) as PyTorch's {@code torch.optim.RMSprop} computes it without
 * momentum or centring: {@code g += wd w; v = α v + (1 − α) g²; w −= lr g / (√v + ε)}.
 */
public final class RmsProp extends OptimizerPlugin<RmsProp.Config> {
    /** The {@code type:} name. */
    public static final String NAME = "rmsprop";

    /**
     * @param lr base learning rate (default 0.01)
     * @param alpha smoothing constant of the squared-gradient average (default 0.99)
     * @param eps added to the denominator (default 1e-8)
     * @param weightDecay L2 penalty added to the gradient (default 0)
     */
    public record Config(
            @JsonPropertyDescription("base learning rate") Double lr,
            @JsonPropertyDescription("smoothing constant of the squared-gradient average") Double alpha,
            @JsonPropertyDescription("added to the denominator") Double eps,
            @JsonPropertyDescription("L2 penalty added to the gradient") Double weightDecay) implements OptimizerChoice {
        public Config {
            lr = Checks.rate(lr, 0.01);
            alpha = Checks.fraction("alpha", alpha, 0.99);
            eps = Checks.positive("eps", eps, 1e-8);
            weightDecay = Checks.nonNegative("weightDecay", weightDecay, 0.0);
        }
    }

    /** Registered by the module. */
    public RmsProp() {
        super(NAME, Config.class, "RMSprop (Tieleman & Hinton 2012), as torch.optim.RMSprop without momentum");
    }

    @Override
    UpdateRule rule(Config c) {
        float alpha = c.alpha().floatValue();
        float eps = c.eps().floatValue();
        float wd = c.weightDecay().floatValue();
        return rule(c.lr(), 1, (weight, gradient, state, learningRate, weightDecay, step) -> {
            NDArray g = weightDecay && wd != 0 ? gradient.add(weight.mul(wd)) : gradient;
            state[0].muli(alpha).addi(g.square().muli(1 - alpha));
            weight.subi(g.div(state[0].sqrt().addi(eps)).muli(learningRate));
        });
    }
}
