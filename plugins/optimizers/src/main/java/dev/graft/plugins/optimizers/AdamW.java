package dev.graft.plugins.optimizers;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.train.UpdateRule;

/**
 * AdamW, Adam with decoupled weight decay (Loshchilov and Hutter 2019), as PyTorch's {@code
 * torch.optim.AdamW} computes it: {@code w *= 1 − lr wd; m = β1 m + (1 − β1) g; v = β2 v + (1 −
 * β2) g²; w −= (lr / (1 − β1^t)) m / (√v / √(1 − β2^t) + ε)}, with {@code t} the parameter's own
 * step count.
 */
public final class AdamW extends OptimizerPlugin<AdamW.Config> {
    /** The {@code type:} name. */
    public static final String NAME = "adamw";

    /**
     * @param lr base learning rate (default 1e-3)
     * @param beta1 decay of the gradient average (default 0.9)
     * @param beta2 decay of the squared-gradient average (default 0.999)
     * @param eps added to the denominator (default 1e-8)
     * @param weightDecay decoupled weight decay (default 0.01)
     */
    public record Config(
            @JsonPropertyDescription("base learning rate") Double lr,
            @JsonPropertyDescription("decay of the gradient average") Double beta1,
            @JsonPropertyDescription("decay of the squared-gradient average") Double beta2,
            @JsonPropertyDescription("added to the denominator") Double eps,
            @JsonPropertyDescription("decoupled weight decay, times the learning rate") Double weightDecay) implements OptimizerChoice {
        public Config {
            lr = Checks.rate(lr, 1e-3);
            beta1 = Checks.fraction("beta1", beta1, 0.9);
            beta2 = Checks.fraction("beta2", beta2, 0.999);
            eps = Checks.positive("eps", eps, 1e-8);
            weightDecay = Checks.nonNegative("weightDecay", weightDecay, 0.01);
        }
    }

    /** Registered by the module. */
    public AdamW() {
        super(NAME, Config.class, "AdamW, Adam with decoupled weight decay (Loshchilov & Hutter 2019), as torch.optim.AdamW");
    }

    @Override
    UpdateRule rule(Config c) {
        float beta1 = c.beta1().floatValue();
        float beta2 = c.beta2().floatValue();
        float eps = c.eps().floatValue();
        float wd = c.weightDecay().floatValue();
        return rule(c.lr(), 2, (weight, gradient, state, learningRate, weightDecay, step) -> {
            if (weightDecay && wd != 0) {
                weight.muli(1 - learningRate * wd);
            }
            state[0].muli(beta1).addi(gradient.mul(1 - beta1));
            state[1].muli(beta2).addi(gradient.square().muli(1 - beta2));
            double correction1 = 1 - Math.pow(beta1, step);
            double correction2 = Math.sqrt(1 - Math.pow(beta2, step));
            NDArray denominator = state[1].sqrt().divi((float) correction2).addi(eps);
            weight.subi(state[0].div(denominator).muli((float) (learningRate / correction1)));
        });
    }
}
