package org.genrebench.feature;

import org.genrebench.SharedData;
import org.genrebench.audio.AudioReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** librosa 0.9.2's intermediate arrays in {@code shared/data/librosa-reference/<track>/} (rows × columns). */
final class LibrosaReference {
    final String track;
    final Path dir;

    LibrosaReference(String track) {
        this.track = track;
        this.dir = SharedData.dir().resolve("librosa-reference").resolve(track);
    }

    float[] audio() {
        String genre = track.substring(0, track.indexOf('.'));
        return AudioReader.read(SharedData.sampleTrack(genre)).samples();
    }

    double[][] array(String name) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(name + ".csv"));
            double[][] a = new double[lines.size()][];
            for (int r = 0; r < a.length; r++) {
                String[] f = lines.get(r).split(",");
                a[r] = new double[f.length];
                for (int c = 0; c < f.length; c++) a[r][c] = Double.parseDouble(f[c]);
            }
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double summary(String key) {
        try {
            String json = Files.readString(dir.resolve("summary.json"));
            Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*([-0-9.eE+]+)").matcher(json);
            if (!m.find()) throw new IllegalArgumentException(key);
            return Double.parseDouble(m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Largest |a - b| / (max |b| over the reference) — a scale-aware error for whole arrays. */
    static double maxScaledError(double[] got, double[] ref) {
        double scale = 0, err = 0;
        for (double r : ref) scale = Math.max(scale, Math.abs(r));
        for (int i = 0; i < ref.length; i++) err = Math.max(err, Math.abs(got[i] - ref[i]));
        return err / Math.max(scale, 1e-30);
    }
}
