#!/usr/bin/python3
"""Independent reference values for Graft's similarity and transferability metrics.

Writes small fixed inputs and the values NumPy/SciPy/scikit-learn compute for them, following
each metric's reference implementation (the Transfer-Learning-Library's tllib/ranking, the LogME
repository, pytorch-fid, Kornblith et al.'s CKA code), to
plugins/similarity/src/test/resources/reference/ and reports/src/test/resources/reference/.
The Java known-answer tests read those files.

Needs Debian's python3-numpy, python3-scipy and python3-sklearn (apt-get install python3-sklearn):

    /usr/bin/python3 tools/similarity_reference.py
"""
import json
import os

import numpy as np
import scipy.linalg
import scipy.stats
from sklearn.covariance import LedoitWolf

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "plugins", "similarity", "src", "test", "resources", "reference")
REPORTS_OUT = os.path.join(ROOT, "reports", "src", "test", "resources", "reference")


# --- transferability of target features (tllib/ranking, LogME) ---------------------------------

def each_evidence(y_, f, fh, v, s, vh, N, D):
    alpha = 1.0
    beta = 1.0
    lam = alpha / beta
    tmp = (vh @ (f @ y_))
    for _ in range(11):
        gamma = (s / (s + lam)).sum()
        m = v @ (tmp * beta / (alpha + beta * s))
        alpha_de = (m * m).sum()
        alpha = gamma / (alpha_de + 1e-5)
        beta_de = ((y_ - fh @ m) ** 2).sum()
        beta = (N - gamma) / (beta_de + 1e-5)
        new_lam = alpha / beta
        if np.abs(new_lam - lam) / lam < 0.01:
            break
        lam = new_lam
    evidence = D / 2.0 * np.log(alpha) + N / 2.0 * np.log(beta) - 0.5 * np.sum(np.log(alpha + beta * s)) \
        - beta / 2.0 * (beta_de + 1e-5) - alpha / 2.0 * (alpha_de + 1e-5) - N / 2.0 * np.log(2 * np.pi)
    return evidence / N


def logme(features, labels, num_classes):
    f = features.astype(np.float64)
    fh = f
    f = f.transpose()
    D, N = f.shape
    v, s, vh = np.linalg.svd(f @ fh, full_matrices=True)
    evidences = [each_evidence((labels == i).astype(np.float64), f, fh, v, s, vh, N, D) for i in range(num_classes)]
    return float(np.mean(evidences))


def class_means(f, y, num_classes):
    g = np.zeros_like(f)
    for i in range(num_classes):
        if np.any(y == i):
            g[y == i] = np.mean(f[y == i, :], axis=0)
    return g


def h_score(f, y, num_classes):
    covf = np.cov(f, rowvar=False)
    covg = np.cov(class_means(f, y, num_classes), rowvar=False)
    return float(np.trace(np.dot(np.linalg.pinv(covf, rcond=1e-15), covg)))


def h_score_shrinkage(features, y, num_classes):
    f = features.astype("float64")
    f = f - np.mean(f, axis=0, keepdims=True)
    cov = LedoitWolf(assume_centered=False).fit(f)
    alpha = cov.shrinkage_
    covf_alpha = cov.covariance_
    covg = np.cov(class_means(f, y, num_classes), rowvar=False)
    return float(np.trace(np.dot(np.linalg.pinv(covf_alpha, rcond=1e-15), (1 - alpha) * covg)))


def coding_rate(f, eps):
    n, d = f.shape
    _, rate = np.linalg.slogdet(np.eye(d) + 1 / (n * eps) * f.transpose() @ f)
    return 0.5 * rate


def transrate(features, y, num_classes, eps=1e-4):
    f = features - np.mean(features, axis=0, keepdims=True)
    rfc = sum(coding_rate(f[y == i], eps) for i in range(num_classes) if np.any(y == i))
    return float(coding_rate(f, eps) - rfc / num_classes)


def knn_accuracy(f, y, num_classes, k=5):
    n = len(f)
    d2 = ((f[:, None, :] - f[None, :, :]) ** 2).sum(2)
    correct = 0
    for i in range(n):
        others = [j for j in range(n) if j != i]
        others.sort(key=lambda j: (d2[i, j], j))
        nearest = others[:k]
        votes = np.zeros(num_classes, dtype=int)
        first = [10 ** 9] * num_classes
        for r, j in enumerate(nearest):
            votes[y[j]] += 1
            first[y[j]] = min(first[y[j]], r)
        best = max(range(num_classes), key=lambda c: (votes[c], -first[c], -c))
        correct += best == y[i]
    return correct / n


# --- source-head predictions (tllib/ranking) ---------------------------------------------------

def leep(predictions, labels, num_classes):
    N, C_s = predictions.shape
    normalized_prob = predictions / float(N)
    joint = np.zeros((num_classes, C_s), dtype=float)
    for i in range(num_classes):
        joint[i] = np.sum(normalized_prob[labels == i], axis=0)
    p_target_given_source = (joint / joint.sum(axis=0, keepdims=True)).T
    empirical_prediction = predictions @ p_target_given_source
    empirical_prob = np.array([predict[label] for predict, label in zip(empirical_prediction, labels)])
    return float(np.mean(np.log(empirical_prob)))


def nce(predictions, target_labels, num_classes):
    source_labels = np.argmax(predictions, axis=1)
    C_s = predictions.shape[1]
    N = len(source_labels)
    joint = np.zeros((num_classes, C_s), dtype=float)
    for s, t in zip(source_labels, target_labels):
        joint[int(t), int(s)] += 1.0 / N
    p_z = joint.sum(axis=0, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        p_target_given_source = (joint / p_z).T
    mask = p_z.reshape(-1) != 0
    p_target_given_source = p_target_given_source[mask] + 1e-20
    entropy_y_given_z = np.sum(- p_target_given_source * np.log(p_target_given_source), axis=1, keepdims=True)
    conditional_entropy = np.sum(entropy_y_given_z * p_z.reshape((-1, 1))[mask])
    return float(-conditional_entropy)


# --- source vs target ---------------------------------------------------------------------------

def mmd2(x, y, scales=(0.125, 0.25, 0.5, 1.0, 2.0)):
    z = np.concatenate([x, y])
    d2 = ((z[:, None, :] - z[None, :, :]) ** 2).sum(2)
    k = sum(np.exp(-d2 / (2 * s * d2.mean())) for s in scales)
    m, n = len(x), len(y)
    kxx = k[:m, :m]
    kyy = k[m:, m:]
    kxy = k[:m, m:]
    return float((kxx.sum() - np.trace(kxx)) / (m * (m - 1)) + (kyy.sum() - np.trace(kyy)) / (n * (n - 1)) - 2 * kxy.mean())


def proxy_a_distance(x, y, l2=1e-3, iterations=300, lr=0.5):
    train = np.concatenate([x[0::2], y[0::2]])
    train_y = np.concatenate([np.zeros(len(x[0::2])), np.ones(len(y[0::2]))])
    test = np.concatenate([x[1::2], y[1::2]])
    test_y = np.concatenate([np.zeros(len(x[1::2])), np.ones(len(y[1::2]))])
    mean = train.mean(0)
    std = train.std(0)
    std[std == 0] = 1
    z = (train - mean) / std
    w = np.zeros(z.shape[1])
    b = 0.0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        r = p - train_y
        w = w - lr * (z.T @ r / len(z) + l2 * w)
        b = b - lr * r.mean()
    predicted = (((test - mean) / std) @ w + b > 0).astype(float)
    err = np.mean(predicted != test_y)
    return float(2 * (1 - 2 * err))


def frechet_distance(x, y):
    mu1, mu2 = x.mean(0), y.mean(0)
    s1, s2 = np.cov(x, rowvar=False), np.cov(y, rowvar=False)
    covmean = scipy.linalg.sqrtm(s1.dot(s2))
    covmean = covmean.real
    return float(((mu1 - mu2) ** 2).sum() + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean))


def gram_linear(x):
    return x.dot(x.T)


def gram_rbf(x, threshold=1.0):
    dot_products = x.dot(x.T)
    sq_norms = np.diag(dot_products)
    sq_distances = -2 * dot_products + sq_norms[:, None] + sq_norms[None, :]
    sq_median_distance = np.median(sq_distances)
    return np.exp(-sq_distances / (2 * threshold ** 2 * sq_median_distance))


def center_gram(gram):
    gram = gram.copy()
    means = np.mean(gram, 0, dtype=np.float64)
    means -= np.mean(means) / 2
    gram -= means[:, None]
    gram -= means[None, :]
    return gram


def cka(gram_x, gram_y):
    gram_x = center_gram(gram_x)
    gram_y = center_gram(gram_y)
    scaled_hsic = gram_x.ravel().dot(gram_y.ravel())
    return float(scaled_hsic / (np.linalg.norm(gram_x) * np.linalg.norm(gram_y)))


def features_as_items(x):
    return (x - x.mean(0)).T


# --- inputs -------------------------------------------------------------------------------------

def labelled_case(rng, n_per_class, num_classes, d, spread):
    labels = np.repeat(np.arange(num_classes), n_per_class)
    centres = rng.normal(0, spread, size=(num_classes, d))
    features = centres[labels] + rng.normal(0, 1, size=(len(labels), d))
    order = rng.permutation(len(labels))
    return features[order], labels[order]


def write_table(path, labels, rows):
    with open(path, "w") as out:
        for label, row in zip(labels, rows):
            out.write(",".join([str(int(label))] + [repr(float(v)) for v in row]) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(REPORTS_OUT, exist_ok=True)
    rng = np.random.default_rng(20261125)
    expected = {}

    # case a: 3 classes, 60 examples, 8 features; a source side of 50 shifted examples;
    # a 4-class source head's probabilities that track the target labels loosely
    target, labels = labelled_case(rng, 20, 3, 8, 1.5)
    source = rng.normal(0.7, 1.3, size=(50, 8))
    logits = rng.normal(0, 1, size=(60, 4))
    logits[np.arange(60), labels] += 1.5
    predictions = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    write_table(os.path.join(OUT, "a-target.csv"), labels, target)
    write_table(os.path.join(OUT, "a-source.csv"), np.zeros(len(source)), source)
    write_table(os.path.join(OUT, "a-predictions.csv"), labels, predictions)
    expected["a"] = {
        "logme": logme(target, labels, 3),
        "h-score": h_score(target, labels, 3),
        "h-score-shrinkage": h_score_shrinkage(target, labels, 3),
        "transrate": transrate(target, labels, 3),
        "knn-accuracy": knn_accuracy(target, labels, 3, 5),
        "leep": leep(predictions, labels, 3),
        "nce": nce(predictions, labels, 3),
        "mmd": mmd2(source, target),
        "proxy-a-distance": proxy_a_distance(source, target),
        "frechet-distance": frechet_distance(source, target),
        "linear-cka": cka(gram_linear(features_as_items(source)), gram_linear(features_as_items(target))),
        "rbf-cka": cka(gram_rbf(features_as_items(source)), gram_rbf(features_as_items(target))),
    }

    # case b: more features than examples: 4 classes of 3, 20 features
    wide, wide_labels = labelled_case(rng, 3, 4, 20, 2.0)
    write_table(os.path.join(OUT, "b-target.csv"), wide_labels, wide)
    expected["b"] = {
        "logme": logme(wide, wide_labels, 4),
        "h-score": h_score(wide, wide_labels, 4),
        "h-score-shrinkage": h_score_shrinkage(wide, wide_labels, 4),
        "transrate": transrate(wide, wide_labels, 4),
        "knn-accuracy": knn_accuracy(wide, wide_labels, 4, 1),
    }

    with open(os.path.join(OUT, "expected.json"), "w") as out:
        json.dump(expected, out, indent=2, sort_keys=True)
        out.write("\n")

    # rank correlations for the report: scores vs outcomes, with and without ties
    x = rng.normal(size=9)
    y = x + rng.normal(0, 0.8, size=9)
    x_tied = np.round(x, 0)
    y_tied = np.round(y, 0)
    taus = {
        "x": x.tolist(), "y": y.tolist(), "xTied": x_tied.tolist(), "yTied": y_tied.tolist(),
        "kendall": float(scipy.stats.kendalltau(x, y)[0]),
        "weighted": float(scipy.stats.weightedtau(x, y)[0]),
        "kendallTied": float(scipy.stats.kendalltau(x_tied, y_tied)[0]),
        "weightedTied": float(scipy.stats.weightedtau(x_tied, y_tied)[0]),
    }
    with open(os.path.join(REPORTS_OUT, "taus.json"), "w") as out:
        json.dump(taus, out, indent=2, sort_keys=True)
        out.write("\n")
    print(json.dumps(expected, indent=2, sort_keys=True))
    print(json.dumps({k: v for k, v in taus.items() if not isinstance(v, list)}, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
