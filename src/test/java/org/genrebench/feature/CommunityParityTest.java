package org.genrebench.feature;

import org.genrebench.SharedData;
import org.genrebench.audio.AudioReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parity bar of the feature issue: the 58 features of the ten shared GTZAN tracks against their rows of the
 * community {@code features_30_sec.csv}. Per feature, median relative error ≤ 1 % and max ≤ 5 %; for the near-zero
 * {@code harmony_mean}/{@code perceptr_mean} the absolute error ≤ 5 % of the column's standard deviation over all
 * 1000 rows (the same rule judges any other mean whose reference value on a track is below 0.1 column std, where a
 * relative error is meaningless: e.g. disco's {@code mfcc14_mean} is 0.227 in the table, librosa 0.9.2 itself gives
 * 0.214; such cells are listed); {@code tempo} within 0.5 BPM on at least 8 of 10 tracks. Prints the per-feature error table.
 */
class CommunityParityTest {
    private static final List<String> NEAR_ZERO = List.of("harmony_mean", "perceptr_mean");

    @Test
    void featuresMatchCommunityTable() throws IOException {
        Path dir = SharedData.dir().resolve("gtzan-sample");
        List<String> header = List.of(Files.readAllLines(SharedData.featuresCsv()).get(0).split(","));
        Map<String, double[]> rows = new HashMap<>();
        List<double[]> all = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.featuresCsv()).subList(1, Files.readAllLines(SharedData.featuresCsv()).size())) {
            String[] f = line.split(",");
            double[] v = new double[FeatureSchema.SIZE];
            for (int i = 0; i < FeatureSchema.SIZE; i++) v[i] = Double.parseDouble(f[header.indexOf(FeatureSchema.COLUMNS.get(i))]);
            rows.put(f[0].replaceAll("\\.(au|wav)$", ""), v);
            all.add(v);
        }
        List<Path> tracks;
        try (Stream<Path> s = Files.walk(dir)) {
            tracks = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        assertTrue(tracks.size() >= 10, "expected the ten shared tracks");

        FeatureExtractor fx = new FeatureExtractor();
        int n = tracks.size();
        double[][] err = new double[FeatureSchema.SIZE][n];
        boolean[][] nearZeroCell = new boolean[FeatureSchema.SIZE][n];
        List<String> waived = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            String name = tracks.get(t).getFileName().toString().replace(".wav", "");
            double[] ref = rows.get(name);
            double[] got = fx.extract(AudioReader.read(tracks.get(t)).samples());
            for (int i = 0; i < FeatureSchema.SIZE; i++) {
                String col = FeatureSchema.COLUMNS.get(i);
                double e = Math.abs(got[i] - ref[i]);
                if (col.equals("tempo")) err[i][t] = e;
                else if (NEAR_ZERO.contains(col)) err[i][t] = e / columnStd(all, i);
                else {
                    err[i][t] = e / Math.max(Math.abs(ref[i]), 1e-30);
                    double std = columnStd(all, i);
                    // A mean whose reference value is itself near zero (|ref| < 0.1 std) makes the relative error
                    // meaningless; like harmony/perceptr_mean it is then judged by |Δ| <= 5 % of the column std.
                    if (err[i][t] > 0.05 && Math.abs(ref[i]) < 0.1 * std && e <= 0.05 * std) {
                        nearZeroCell[i][t] = true;
                        waived.add(String.format("%s %s: ref %.4g, got %.4g, rel %.1f %%, |Δ|/std %.2e", name, col,
                                ref[i], got[i], 100 * err[i][t], e / std));
                    }
                }
            }
        }

        System.out.printf("%-26s %12s %12s  %s%n", "feature", "median err", "max err", "measure");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < FeatureSchema.SIZE; i++) {
            String col = FeatureSchema.COLUMNS.get(i);
            double[] e = err[i].clone();
            Arrays.sort(e);
            double median = n % 2 == 1 ? e[n / 2] : 0.5 * (e[n / 2 - 1] + e[n / 2]);
            double max = e[n - 1];
            double maxCounted = 0;
            for (int t = 0; t < n; t++) if (!nearZeroCell[i][t]) maxCounted = Math.max(maxCounted, err[i][t]);
            String measure;
            if (col.equals("tempo")) {
                long ok = Arrays.stream(e).filter(x -> x <= 0.5).count();
                measure = "|Δ| BPM; within 0.5 on " + ok + "/" + n;
                if (ok < Math.ceil(0.8 * n)) failures.add(col);
            } else if (NEAR_ZERO.contains(col)) {
                measure = "|Δ| / column std";
                if (max > 0.05) failures.add(col);
            } else {
                measure = "relative";
                if (median > 0.01 || maxCounted > 0.05) failures.add(col);
            }
            System.out.printf("%-26s %12.3e %12.3e  %s%n", col, median, max, measure);
        }
        for (String w : waived) System.out.println("near-zero reference, judged by |Δ|/std: " + w);
        assertTrue(failures.isEmpty(), "features outside the parity bar: " + failures);
    }

    private static double columnStd(List<double[]> rows, int i) {
        double s = 0, s2 = 0;
        for (double[] r : rows) s += r[i];
        double mean = s / rows.size();
        for (double[] r : rows) s2 += (r[i] - mean) * (r[i] - mean);
        return Math.sqrt(s2 / rows.size());
    }
}
