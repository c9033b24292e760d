package dev.graft.core.descriptor;

import dev.graft.core.plugin.PluginFamily;
import java.util.List;

/**
 * A strategy axis: a plugin family whose choices a sweep varies, and how a choice enters a trial,
 * its scratch baseline and its id. The sweep's trials are the plain product of the axes (times
 * backbones, sizes and seeds); expansion, exclusion, labels and the trial spec read these records
 * and name no axis themselves.
 *
 * @param name the key under {@code sweep:}, in {@code exclude} rules and in the trial spec
 * @param family the plugin family a choice is looked up in
 * @param required whether the sweep must list at least one choice; an optional axis left out
 *     (or given a {@link dev.graft.spi.PluginConfig#noop() no-op} choice) is absent from the trial
 * @param sharedWithBaseline whether the scratch baseline paired with a transfer trial has the same
 *     choice (a head, an augmenter) or none (a freeze schedule or regulariser acts on transferred
 *     layers, which a baseline does not have)
 * @param nullWhenAbsent whether an absent choice is written into the trial spec as {@code null}
 *     rather than left out. Only the axes trial ids were first defined with do this; every later
 *     axis is left out when absent, so adding an axis keeps every existing trial id
 */
public record Axis(String name, PluginFamily family, boolean required, boolean sharedWithBaseline, boolean nullWhenAbsent) {
    /** The head on top of the backbone. */
    public static final Axis HEAD = new Axis("head", PluginFamily.HEAD, true, true, true);
    /** Which layer groups train when; transfer trials only. */
    public static final Axis FREEZE = new Axis("freeze", PluginFamily.FREEZE, true, false, true);
    /** Training-time augmentation; absent means none. */
    public static final Axis AUGMENT = new Axis("augment", PluginFamily.AUGMENT, false, true, true);
    /** A fine-tuning regulariser of transfer trials; absent means none. */
    public static final Axis REGULARIZER = new Axis("regularizer", PluginFamily.REGULARIZER, false, false, false);

    /** The strategy axes, in the order trials are expanded (the last varies fastest) and labelled. */
    public static final List<Axis> STRATEGY = List.of(HEAD, FREEZE, AUGMENT, REGULARIZER);

    /**
     * @param name an axis name
     * @return the strategy axis of that name
     * @throws IllegalArgumentException if there is none
     */
    public static Axis named(String name) {
        return STRATEGY.stream().filter(a -> a.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no axis named " + name));
    }
}
