package dev.graft.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A strategy axis: a plugin family whose choices a sweep varies, and how a choice enters a trial,
 * its scratch baseline and its id. The sweep's trials are the plain product of the axes (times
 * backbones, sizes and seeds); expansion, exclusion, labels, the trial spec, the store and the
 * reports read these records and name no axis themselves. The four built-in axes are the
 * constants below; a plugin module declares another with {@link GraftModule#axis(Axis)}.
 *
 * @param name the key under {@code sweep:}, in {@code exclude} rules, in the trial spec and in
 *     the reports' columns
 * @param family the plugin family a choice is looked up in
 * @param required whether the sweep must list at least one choice; an optional axis left out (or
 *     given a {@link PluginConfig#noop() no-op} choice) is absent from the trial
 * @param sharedWithBaseline whether the scratch baseline paired with a transfer trial has the same
 *     choice (a head, an augmenter, an optimiser) or none (a freeze schedule or regulariser acts on
 *     transferred layers, which a baseline does not have)
 * @param nullWhenAbsent whether an absent choice is written into the trial spec as {@code null}
 *     rather than left out. Only the axes trial ids were first defined with do this; every later
 *     axis is left out when absent, so adding an axis keeps every existing trial id (a contributed
 *     axis cannot set it)
 */
public record Axis(String name, PluginFamily family, boolean required, boolean sharedWithBaseline, boolean nullWhenAbsent) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]*");

    /** The head on top of the backbone. */
    public static final Axis HEAD = new Axis("head", PluginFamily.HEAD, true, true, true);
    /** Which layer groups train when; transfer trials only. */
    public static final Axis FREEZE = new Axis("freeze", PluginFamily.FREEZE, true, false, true);
    /** Training-time augmentation; absent means none. */
    public static final Axis AUGMENT = new Axis("augment", PluginFamily.AUGMENT, false, true, true);
    /** A fine-tuning regulariser of transfer trials; absent means none. */
    public static final Axis REGULARIZER = new Axis("regularizer", PluginFamily.REGULARIZER, false, false, false);

    /** The built-in strategy axes, in the order trials are expanded (the last varies fastest) and labelled. */
    public static final List<Axis> BUILT_IN = List.of(HEAD, FREEZE, AUGMENT, REGULARIZER);

    /**
     * A contributed axis: optional, left out of the trial spec when absent.
     *
     * @param name the axis name, a lower-camel-case word
     * @param family the contributed family its choices come from
     * @param sharedWithBaseline whether the scratch baseline has the same choice
     */
    public Axis(String name, PluginFamily family, boolean sharedWithBaseline) {
        this(name, family, false, sharedWithBaseline, false);
    }

    public Axis {
        requireNonNull(name, "name is null");
        requireNonNull(family, "family is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an axis name is a lower-camel-case word, got '" + name + "'");
        }
    }

    /** @return whether a label shows this axis when the trial has no choice on it (the original axes, so labels read as before) */
    public boolean alwaysLabelled() {
        return nullWhenAbsent;
    }
}
