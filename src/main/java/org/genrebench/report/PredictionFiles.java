package org.genrebench.report;

import org.genrebench.eval.FoldCache;
import org.genrebench.eval.FoldResult;
import org.genrebench.split.Fold;
import org.genrebench.util.AtomicFiles;
import org.genrebench.util.Csv;

import java.io.IOException;
import java.io.Reader;
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
 * The CSV is {@link Csv}'s: a song or class name holding a comma, a quote or a line break is quoted, and read back
 * as it was written.
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
                var out = Csv.printer(w);
                List<String> header = new ArrayList<>(List.of("index", "song", "label", "predicted"));
                for (String c : classNames) header.add("p_" + c);
                out.printRecord(header);
                for (int i = 0; i < r.proba().length; i++) {
                    List<String> row = new ArrayList<>(List.of(Integer.toString(r.testIndex()[i]), r.songIds().get(i),
                            classNames.get(r.labels()[i]), classNames.get(pred[i])));
                    for (double p : r.proba()[i]) row.add(Double.toString(p));
                    out.printRecord(row);
                }
                out.flush();
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
            List<Csv.Record> rows;
            try (Reader in = Files.newBufferedReader(csv)) {
                rows = Csv.readAll(csv, in, Csv.Dialect.STANDARD);
            }
            List<String> header = new ArrayList<>(List.of("index", "song", "label", "predicted"));
            for (String c : classNames) header.add("p_" + c);
            if (rows.isEmpty() || !rows.getFirst().cells().equals(header)) return Optional.empty(); // other classes
            int n = rows.size() - 1;
            int[] index = new int[n];
            int[] labels = new int[n];
            List<String> songs = new ArrayList<>();
            double[][] proba = new double[n][classNames.size()];
            for (int i = 0; i < n; i++) {
                Csv.Record cells = rows.get(i + 1);
                if (cells.size() != header.size()) return Optional.empty();
                index[i] = Integer.parseInt(cells.cell(0));
                songs.add(cells.cell(1));
                labels[i] = classNames.indexOf(cells.cell(2));
                if (labels[i] < 0) return Optional.empty();
                for (int c = 0; c < classNames.size(); c++) proba[i][c] = Double.parseDouble(cells.cell(4 + c));
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
