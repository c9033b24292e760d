package dev.graft.plugins.optimizers;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.train.UpdateRule;

/**
 * Adagrad (Duchi, Hazan and Singer 2011) as PyTorch's {@code torch.optim.Adagrad} computes it
 * without rate decay: {@code g += wd w; s += g²; w −= lr g / (√s + ε)}.
 */
public final class Adagrad extends OptimizerPlugin<Adagrad.Config> {
    /** The {@code type:} name. */
    public static final String NAME = "adagrad";

    /**
     * @param lr base learning rate (default 0.01)
     * @param eps added to the denominator (default 1e-10)
     * @param weightDecay L2 penalty added to the gradient (default 0)
     */
    public record Config(
            @JsonPropertyDescription("base learning rate") Double lr,
            @JsonPropertyDescription("added to the denominator") Double eps,
            @JsonPropertyDescription("L2 penalty added to the gradient") Double weightDecay) implements OptimizerChoice {
        public Config {
            lr = Checks.rate(lr, 0.01);
            eps = Checks.positive("eps", eps, 1e-10);
            weightDecay = Checks.nonNegative("weightDecay", weightDecay, 0.0);
        }
    }

    /** Registered by the module. */
    public Adagrad() {
        super(NAME, Config.class, "Adagrad (Duchi et al. 2011), as torch.optim.Adagrad");
    }

    @Override
    UpdateRule rule(Config c) {
        float eps = c.eps().floatValue();
        float wd = c.weightDecay().floatValue();
        return rule(c.lr(), 1, (weight, gradient, state, learningRate, weightDecay, step) -> {
            NDArray g = weightDecay && wd != 0 ? gradient.add(weight.mul(wd)) : gradient;
            state[0].addi(g.square());
            weight.subi(g.div(state[0].sqrt().addi(eps)).muli(learningRate));
        });
    }
}
