package org.genrebench.model.deep;

import org.genrebench.dataset.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Spectrogram-like synthetic windows in dB: class {@code c} has an energy blob centred on its own mel band range
 * and a rhythm (frame stripes) with a class-dependent period, over a falling spectral tilt and Gaussian noise.
 * Each song gets its own random offset and blob jitter, so windows of one song are more alike than windows of
 * different songs of the class, as with real music.
 */
public final class SyntheticMel {
    private SyntheticMel() {
    }

    public static List<Sample<float[]>> songs(MelWindowShape shape, int classes, int songsPerClass, int windowsPerSong,
                                              double noise, long seed) {
        Random rng = new Random(seed);
        List<Sample<float[]>> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            for (int s = 0; s < songsPerClass; s++) {
                String song = "c" + c + "-s" + s;
                double gain = rng.nextGaussian() * 3;
                double centre = (c + 0.5) * shape.bands() / classes + rng.nextGaussian() * 0.3;
                for (int w = 0; w < windowsPerSong; w++) {
                    out.add(new Sample<>(window(shape, classes, c, centre, gain, noise, rng), song, c));
                }
            }
        }
        return out;
    }

    private static float[] window(MelWindowShape shape, int classes, int c, double centre, double gain, double noise,
                                  Random rng) {
        float[] x = new float[shape.length()];
        double spread = Math.max(1, shape.bands() / (2.0 * classes));
        int period = 2 + c % 3;
        int phase = rng.nextInt(period);
        for (int b = 0; b < shape.bands(); b++) {
            double tilt = -40.0 * b / shape.bands();
            double blob = 12 * Math.exp(-0.5 * Math.pow((b - centre) / spread, 2));
            for (int t = 0; t < shape.frames(); t++) {
                double beat = (t + phase) % period == 0 ? 4 : 0;
                x[shape.index(b, t)] = (float) (tilt + gain + blob + beat + noise * rng.nextGaussian());
            }
        }
        return x;
    }
}
