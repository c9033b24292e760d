#!/usr/bin/env python3
"""Reference values for Graft's confidence sequence, computed without its closed form.

Usage: /usr/bin/python3 tools/confidence_sequence_reference.py     (needs SciPy: apt-get install python3-scipy)

Lai's (1976) flat-mixture statistic for a candidate mean, after n observations with t-statistic t,
is H_n = sqrt(2 pi / n) * (1 + t^2 / (n - 1))^(n / 2). Started at a first look m, the extended Ville
inequality bounds the chance that it ever reaches c by E[min(1, H_m / c)], with t at m distributed
as Student's t with m - 1 degrees of freedom. This script finds the c at which that expectation is
alpha by numerical integration over t (not by Graft's closed form 2(1 - F(a) + a f(a))), then each
n's half-width in sample standard deviations by solving H_n = c for t. ConfidenceSequenceTest pins
the values this prints (1.9887, 1.2048, 0.7999 at 5, 10 and 20 seeds for m = 5, alpha = 0.05).
"""
import math

from scipy import integrate, optimize, stats


def log_h(n, t_squared):
    return 0.5 * math.log(2 * math.pi / n) + n / 2 * math.log1p(t_squared / (n - 1))


def threshold(m, alpha):
    """log c with E[min(1, H_m / c)] = alpha, by quadrature over the t-statistic at m."""
    t = stats.t(m - 1)

    def excess(log_c):
        a = math.sqrt((m - 1) * math.expm1(2 / m * (log_c - 0.5 * math.log(2 * math.pi / m))))
        inside = 2 * integrate.quad(lambda x: math.exp(log_h(m, x * x) - log_c) * t.pdf(x), 0, a, limit=200)[0]
        return 2 * t.sf(a) + inside - alpha

    return optimize.brentq(excess, log_h(m, 0) + 1e-9, 60, xtol=1e-14)


def half_width(n, log_c):
    t_squared = optimize.brentq(lambda x: log_h(n, x) - log_c, 0, 1e12, xtol=1e-14)
    return math.sqrt(t_squared / n)


def main():
    for m in (3, 4, 5, 6):
        log_c = threshold(m, 0.05)
        widths = " ".join(f"n{n}={half_width(n, log_c):.6f}" for n in (5, 7, 10, 20) if n >= m)
        print(f"lai first_look={m} alpha=0.05 c={math.exp(log_c):.4f} {widths}")


if __name__ == "__main__":
    main()
