package org.genrebench.report;

import org.genrebench.util.AtomicFiles;

import org.genrebench.eval.FoldCache;
import org.genrebench.eval.FoldResult;
import org.genrebench.split.Fold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-fold raw predictions, {@code predictions/<model>/fold-<i>.csv} (one row per test item: sample index, song,
 * true and predicted class, one probability column per class) plus {@code fold-<i>.meta} (timings and
 * hyper-parameters). The two files hold a whole {@link FoldResult}, so they double as the harness's resume cache.
 */
public final class PredictionFiles implements FoldCache {
    private final Path dir;
    private final List<String> classNames;
    private final boolean reuse;

    /** @param reuse whether {@link #load} may return folds of an earlier run (resume); otherwise it only writes */
    public PredictionFiles(Path runDir, List<String> classNames, boolean reuse) {
        this.dir = runDir.resolve("predictions");
        this.classNames = List.copyOf(classNames);
        this.reuse = reuse;
    }

    public Path csv(String model, int fold) {
        return dir.resolve(model).resolve("fold-" + fold + ".csv");
    }

    private Path meta(String model, int fold) {
        return dir.resolve(model).resolve("fold-" + fold + ".meta");
    }

    @Override
    public void save(FoldResult r) {
        try {
            int[] pred = r.predicted();
            AtomicFiles.writeText(csv(r.model(), r.fold()), w -> {
                w.write("index,song,label,predicted");
                for (String c : classNames) w.write(",p_" + c);
                w.write('\n');
                for (int i = 0; i < r.proba().length; i++) {
                    w.write(r.testIndex()[i] + "," + r.songIds().get(i) + "," + classNames.get(r.labels()[i]) + ","
                            + classNames.get(pred[i]));
                    for (double p : r.proba()[i]) w.write("," + p);
                    w.write('\n');
                }
            });
            StringBuilder m = new StringBuilder();
            m.append("trainSize=").append(r.trainSize()).append('\n')
                    .append("fitSeconds=").append(r.fitSeconds()).append('\n')
                    .append("predictSeconds=").append(r.predictSeconds()).append('\n');
            r.hyperParameters().forEach((k, v) -> m.append("hp.").append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
            // The meta file is written last: its presence marks the fold as complete.
            AtomicFiles.writeString(meta(r.model(), r.fold()), m.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<FoldResult> load(String model, Fold fold) {
        Path csv = csv(model, fold.index());
        Path meta = meta(model, fold.index());
        if (!reuse || !Files.isRegularFile(csv) || !Files.isRegularFile(meta)) return Optional.empty();
        try {
            Map<String, String> kv = new LinkedHashMap<>();
            for (String line : Files.readAllLines(meta)) {
                int eq = line.indexOf('=');
                if (eq > 0) kv.put(line.substring(0, eq), line.substring(eq + 1));
            }
            List<String> lines = Files.readAllLines(csv);
            int n = lines.size() - 1;
            int[] index = new int[n];
            int[] labels = new int[n];
            List<String> songs = new ArrayList<>();
            double[][] proba = new double[n][classNames.size()];
            for (int i = 0; i < n; i++) {
                String[] cells = lines.get(i + 1).split(",", -1);
                index[i] = Integer.parseInt(cells[0]);
                songs.add(cells[1]);
                labels[i] = classNames.indexOf(cells[2]);
                for (int c = 0; c < classNames.size(); c++) proba[i][c] = Double.parseDouble(cells[4 + c]);
            }
            // A cached fold only counts if it covers exactly this fold's test items (same data, folds and seed).
            if (!Arrays.equals(index, fold.test())) return Optional.empty();
            Map<String, String> hp = new LinkedHashMap<>();
            kv.forEach((k, v) -> {
                if (k.startsWith("hp.")) hp.put(k.substring(3), v);
            });
            return Optional.of(new FoldResult(model, fold.index(), Integer.parseInt(kv.get("trainSize")), index, songs,
                    labels, proba, Double.parseDouble(kv.get("fitSeconds")), Double.parseDouble(kv.get("predictSeconds")), hp));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or stale: recompute this fold
        }
    }
}
