package cspjob.benchmarks;

import java.util.Arrays;

/**
 * The measured rounds of one benchmark and its peer, taken in turns (on a shared machine the load
 * changes from minute to minute, so a ratio is only meaningful between figures measured side by
 * side). Holds one figure per round for each; reports medians, best-ofs and the median of the
 * per-round ratios.
 */
final class PairedRounds {
    private final double[] ours;
    private final double[] peer;
    private final boolean higherIsBetter;

    /** {@code higherIsBetter}: throughput (best = highest) rather than time (best = lowest). */
    PairedRounds(int rounds, boolean higherIsBetter) {
        this.ours = new double[rounds];
        this.peer = new double[rounds];
        this.higherIsBetter = higherIsBetter;
    }

    void record(int round, double oursFigure, double peerFigure) {
        ours[round] = oursFigure;
        peer[round] = peerFigure;
    }

    double oursMedian() {
        return median(ours);
    }

    double peerMedian() {
        return median(peer);
    }

    double oursBest() {
        return best(ours);
    }

    double peerBest() {
        return best(peer);
    }

    /** The median over the rounds of ours / peer, each round's two figures measured side by side. */
    double ratio() {
        double[] ratios = new double[ours.length];
        for (int i = 0; i < ours.length; i++) {
            ratios[i] = ours[i] / peer[i];
        }
        return median(ratios);
    }

    /** The lowest and highest per-round ratio, for the spread. */
    double[] ratioRange() {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < ours.length; i++) {
            lo = Math.min(lo, ours[i] / peer[i]);
            hi = Math.max(hi, ours[i] / peer[i]);
        }
        return new double[] {lo, hi};
    }

    private double best(double[] figures) {
        return higherIsBetter ? Arrays.stream(figures).max().orElseThrow() : Arrays.stream(figures).min().orElseThrow();
    }

    static double median(double[] figures) {
        double[] sorted = figures.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
