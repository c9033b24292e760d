package dev.graft.plugins.regularizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.graft.spi.regularize.RegularizationStep;
import dev.graft.spi.regularize.Regularizer;
import dev.graft.spi.regularize.RegularizerFactory;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Batch spectral shrinkage (Chen, Wang, Fu, Long and Wang, "Catastrophic forgetting meets negative
 * transfer", NeurIPS 2019): {@code eta * sum_{i=1..k} sigma_{-i}^2}, the squares of the k smallest
 * singular values of the batch's feature matrix F (batch x features), which carry the
 * untransferable, source-specific directions.
 *
 * <p>DJL has no differentiable SVD, so the penalty is written through the Gram matrix: the
 * squared singular values of F are the eigenvalues of {@code F F^T} (or {@code F^T F}, whichever
 * is smaller). With the eigenvectors {@code u_i} of the k smallest computed in Java and held
 * constant, {@code sum_i ||u_i^T F||^2} equals the penalty and its gradient {@code 2 u_i u_i^T F}
 * is exactly that of {@code sigma_i^2} (for distinct singular values), so the tape gets the right
 * gradient. When k exceeds min(batch, features) every singular value counts.
 */
public final class BssFactory implements RegularizerFactory<BssConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "bss";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<BssConfig> configClass() {
        return BssConfig.class;
    }

    @Override
    public String description() {
        return "batch spectral shrinkage (Chen et al. 2019): weight x sum of the k smallest squared singular values of the batch features";
    }

    @Override
    public Regularizer create(BssConfig config) {
        return new Regularizer() {
            @Override
            public Set<Need> needs() {
                return Set.of(Need.FEATURES);
            }

            @Override
            public NDArray penalty(RegularizationStep step) {
                return smallestSquaredSingularValues(step.manager(), step.features(), config.k()).mul(config.weight().floatValue());
            }
        };
    }

    /**
     * @param manager where constants go
     * @param features (batch, features), in the gradient tape
     * @param k how many
     * @return the sum of the k smallest squared singular values, differentiable in {@code features}
     */
    static NDArray smallestSquaredSingularValues(NDManager manager, NDArray features, int k) {
        int rows = (int) features.getShape().get(0);
        int cols = (int) features.getShape().get(1);
        float[] values = features.toFloatArray();
        boolean byRows = rows <= cols;
        int n = byRows ? rows : cols;
        double[][] gram = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                int length = byRows ? cols : rows;
                for (int t = 0; t < length; t++) {
                    sum += byRows ? (double) values[i * cols + t] * values[j * cols + t]
                            : (double) values[t * cols + i] * values[t * cols + j];
                }
                gram[i][j] = sum;
                gram[j][i] = sum;
            }
        }
        RealMatrix matrix = new Array2DRowRealMatrix(gram, false);
        EigenDecomposition eigen = new EigenDecomposition(matrix);
        double[] eigenvalues = eigen.getRealEigenvalues();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> eigenvalues[i]));
        int count = Math.min(k, n);
        float[] basis = new float[n * count];
        for (int c = 0; c < count; c++) {
            double[] vector = eigen.getEigenvector(order[c]).toArray();
            for (int i = 0; i < n; i++) {
                basis[i * count + c] = (float) vector[i];
            }
        }
        NDArray u = manager.create(basis, new Shape(n, count));
        // rows: ||U^T F||^2 = sum u_i^T F F^T u_i; columns: ||F V||^2 = sum v_i^T F^T F v_i
        NDArray projected = byRows ? u.transpose().matMul(features) : features.matMul(u);
        return projected.square().sum();
    }
}
