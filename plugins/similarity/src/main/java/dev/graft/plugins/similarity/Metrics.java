package dev.graft.plugins.similarity;

import java.util.List;

/**
 * The built-in similarity and transferability metrics, one plugin each. Every metric follows its
 * published definition as the Transfer-Learning-Library's {@code tllib/ranking}, the LogME
 * repository, pytorch-fid or Kornblith et al.'s CKA code compute it; {@code tools/similarity_reference.py}
 * recomputes each with NumPy/SciPy/scikit-learn for the known-answer tests.
 */
final class Metrics {
    private Metrics() {}

    static final String LOGME = "logme";
    static final String H_SCORE = "h-score";
    static final String H_SCORE_SHRINKAGE = "h-score-shrinkage";
    static final String TRANSRATE = "transrate";
    static final String KNN_ACCURACY = "knn-accuracy";
    static final String LEEP = "leep";
    static final String NCE = "nce";
    static final String MMD = "mmd";
    static final String PROXY_A_DISTANCE = "proxy-a-distance";
    static final String FRECHET_DISTANCE = "frechet-distance";
    static final String LINEAR_CKA = "linear-cka";
    static final String RBF_CKA = "rbf-cka";

    /** @return every built-in metric plugin */
    static List<MetricPlugin<?>> all() {
        return List.of(
                new MetricPlugin<>(LOGME, LogmeConfig.class,
                        "LogME (You et al. 2021): log maximum evidence of a Bayesian linear model from target features to each class, averaged; higher = more transferable",
                        c -> FormulaMetric.ofTargetFeatures(true, Transferability::logme)),
                new MetricPlugin<>(H_SCORE, HScoreConfig.class,
                        "H-score (Bao et al. 2019): tr(pinv(cov f) cov(E[f|y])) on target features; higher = more transferable",
                        c -> FormulaMetric.ofTargetFeatures(true, Transferability::hScore)),
                new MetricPlugin<>(H_SCORE_SHRINKAGE, HScoreShrinkageConfig.class,
                        "H-score with the Ledoit-Wolf shrunk feature covariance (Ibrahim et al. 2022); higher = more transferable",
                        c -> FormulaMetric.ofTargetFeatures(true, Transferability::hScoreShrinkage)),
                new MetricPlugin<>(TRANSRATE, TransRateConfig.class,
                        "TransRate (Huang et al. 2022): coding rate of the target features minus the mean within-class coding rate; higher = more transferable",
                        c -> FormulaMetric.ofTargetFeatures(true, (f, y, k) -> Transferability.transRate(f, y, k, c.eps()))),
                new MetricPlugin<>(KNN_ACCURACY, KnnAccuracyConfig.class,
                        "leave-one-out k-nearest-neighbour accuracy on target features (Euclidean); higher = more transferable",
                        c -> FormulaMetric.ofTargetFeatures(true, (f, y, k) -> Transferability.knnAccuracy(f, y, k, c.k()))),
                new MetricPlugin<>(LEEP, LeepConfig.class,
                        "LEEP (Nguyen et al. 2020): log expected empirical prediction of the target labels from the source head's soft predictions; higher = more transferable",
                        c -> FormulaMetric.ofSourcePredictions(true, Transferability::leep)),
                new MetricPlugin<>(NCE, NceConfig.class,
                        "NCE (Tran et al. 2019): negative conditional entropy of target labels given the source head's predicted class; higher = more transferable",
                        c -> FormulaMetric.ofSourcePredictions(true, Transferability::nce)),
                new MetricPlugin<>(MMD, MmdConfig.class,
                        "unbiased multi-kernel MMD² (Gretton et al. 2012; DAN's Gaussian kernel family) between source and target features; lower = closer",
                        c -> FormulaMetric.ofSourceAndTarget(false, (x, y) -> Divergences.mmd2(x, y, c.scales(), c.bandwidth()))),
                new MetricPlugin<>(PROXY_A_DISTANCE, ProxyADistanceConfig.class,
                        "proxy A-distance (Ben-David et al. 2007): 2(1 - 2 err) of a linear domain classifier on held-out source/target features; lower = closer",
                        c -> FormulaMetric.ofSourceAndTarget(false, (x, y) -> Divergences.proxyADistance(x, y, c.l2(), c.iterations(), c.learningRate()))),
                new MetricPlugin<>(FRECHET_DISTANCE, FrechetDistanceConfig.class,
                        "Fréchet distance between Gaussians fitted to source and target features (as FID); lower = closer",
                        c -> FormulaMetric.ofSourceAndTarget(false, Divergences::frechetDistance)),
                new MetricPlugin<>(LINEAR_CKA, LinearCkaConfig.class,
                        "linear CKA (Kornblith et al. 2019) of the feature-by-feature Gram matrices of source and target; higher = closer",
                        c -> FormulaMetric.ofSourceAndTarget(true, LinearCka::cka)),
                new MetricPlugin<>(RBF_CKA, RbfCkaConfig.class,
                        "RBF CKA (Kornblith et al. 2019) of the feature-by-feature RBF Gram matrices of source and target; higher = closer",
                        c -> FormulaMetric.ofSourceAndTarget(true, (x, y) -> Divergences.rbfCka(x, y, c.threshold()))));
    }
}
