package org.genrebench.bench;

import org.genrebench.audio.Resampling;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resamples one raw little-endian float32 mono file with GenreBench's resampler and with TarsosDSP's, writing
 * {@code OUT.genrebench.f32} and {@code OUT.tarsos.f32}; benchmarks/resample/soxr-check.sh compares them with soxr.
 * Arguments: {@code IN.f32 FROM_RATE TO_RATE OUT}.
 */
public final class ResampleCompare {
    private ResampleCompare() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) throw new IllegalArgumentException("usage: ResampleCompare IN.f32 FROM_RATE TO_RATE OUT");
        float[] x = read(Path.of(args[0]));
        int from = Integer.parseInt(args[1]), to = Integer.parseInt(args[2]);
        write(Path.of(args[3] + ".genrebench.f32"), Resampling.resample(x, from, to));
        write(Path.of(args[3] + ".tarsos.f32"), TarsosResampling.resample(x, from, to));
    }

    private static float[] read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] x = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(x);
        return x;
    }

    private static void write(Path file, float[] x) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(x.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(x);
        Files.write(file, bytes.array());
    }
}
