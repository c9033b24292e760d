package dev.graft.core.sweep;

/**
 * Short human-readable names of a trial's axis values: the plugin's type name, followed by the
 * fields that distinguish it from the other choices on the same axis when the descriptor lists
 * one type twice (e.g. {@code mlp(dropout=0.5)}).
 *
 * @param backbone the backbone choice, e.g. {@code convnet} or {@code convnet(pretrained)}
 * @param head the head choice
 * @param freeze the freeze choice, {@code -} for scratch
 * @param augment the augmenter, {@code none} when absent
 * @param regularizer the regulariser, {@code none} when absent, {@code -} for scratch
 */
public record TrialLabels(String backbone, String head, String freeze, String augment, String regularizer) {
    /**
     * @param backbone the backbone's label
     * @param byAxis one label per strategy axis, in {@link dev.graft.core.descriptor.Axis#STRATEGY} order
     * @return the labels
     */
    public static TrialLabels of(String backbone, String... byAxis) {
        if (byAxis.length != 4) {
            throw new IllegalArgumentException("one label per strategy axis, got " + byAxis.length);
        }
        return new TrialLabels(backbone, byAxis[0], byAxis[1], byAxis[2], byAxis[3]);
    }

    @Override
    public String toString() {
        return backbone + " / " + head + " / " + freeze + " / " + augment + ("none".equals(regularizer) || "-".equals(regularizer) ? "" : " / " + regularizer);
    }
}
