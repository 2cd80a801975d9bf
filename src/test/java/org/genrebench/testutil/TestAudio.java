package org.genrebench.testutil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Small, seeded test audio written as raw WAV bytes in any channel count, bit depth and sample rate. */
public final class TestAudio {
    private TestAudio() {
    }

    /** A tone (frequency by genre-ish index) with a little seeded noise, {@code seconds} long. */
    public static float[] tone(double frequency, double seconds, int rate, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] y = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.4 * Math.sin(2 * Math.PI * frequency * i / rate) + 0.05 * (rnd.nextDouble() - 0.5));
        }
        return y;
    }

    /** A pure sine of {@code n} samples. */
    public static float[] sine(double frequency, double amplitude, int rate, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
        return x;
    }

    /** RMS of the middle half of {@code x}, away from a filter's start-up and tail. */
    public static double middleRms(float[] x) {
        double sum = 0;
        int from = x.length / 4, to = 3 * x.length / 4;
        for (int i = from; i < to; i++) sum += (double) x[i] * x[i];
        return Math.sqrt(sum / (to - from));
    }

    /** PCM WAV: 8-bit unsigned or 16-bit signed, the mono signal copied to every channel. */
    public static void writeWav(Path file, float[] mono, int rate, int channels, int bits) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(mono.length * channels * bits / 8).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : mono) {
            for (int c = 0; c < channels; c++) {
                if (bits == 8) data.put((byte) Math.round(v * 127 + 128));
                else data.putShort((short) Math.round(v * 32767));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, AudioBytes.wav(1, channels, rate, bits, data.array()));
    }
}
