package dev.graft.plugins.similarity;

import dev.graft.spi.GraftException;


/**
 * Linear CKA (Kornblith et al. 2019) between the backbone's representation of the source and of
 * the target data. CKA compares two representations of the same set of items; source and target
 * examples are different items, but the backbone's feature dimensions are shared, so the paired
 * items here are the features: each dataset describes a feature by its (centred) responses, and
 * CKA compares the two feature-by-feature Gram matrices, {@code <H Cs H, H Ct H>_F / (|H Cs H|_F
 * |H Ct H|_F)} with {@code Cs, Ct} the feature covariance matrices and {@code H} the centring
 * matrix over features. 1 when the backbone's features co-vary in the same way on both datasets;
 * invariant to rescaling either dataset and to orthogonal rotations of the feature space.
 */
final class LinearCka {
    private LinearCka() {}

    /**
     * @param x source rows (examples x features)
     * @param y target rows (examples x the same features)
     * @return linear CKA with the features as the paired items
     */
    static double cka(double[][] x, double[][] y) {
        Matrices.requirePair("linear-cka", x, y, 2);
        if (x[0].length < 2) {
            throw new GraftException("linear-cka needs at least 2 features");
        }
        double[][] gx = Divergences.centre(Matrices.gram(Matrices.centred(x)));
        double[][] gy = Divergences.centre(Matrices.gram(Matrices.centred(y)));
        double xy = Divergences.inner(gx, gy);
        double xx = Divergences.inner(gx, gx);
        double yy = Divergences.inner(gy, gy);
        if (xx == 0 || yy == 0) {
            throw new GraftException("linear-cka is undefined: the features of one dataset are constant");
        }
        return xy / Math.sqrt(xx * yy);
    }
}
