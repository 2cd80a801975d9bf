package org.genrebench.bench;

import org.genrebench.audio.AudioClip;
import org.genrebench.audio.AudioLoader;
import org.genrebench.audio.AudioReader;
import org.genrebench.feature.FeatureExtractor;
import org.genrebench.feature.SpectralParams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Decoding a 30-second mp3 in pure Java against extracting the 58 features of the same clip, with ffmpeg decoding
 * the same file in the same run for scale. The mp3 (a tone plus noise, 128 kbit/s) is made by ffmpeg in a temporary
 * folder at setup, so ffmpeg must be on the PATH for this benchmark only.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class DecodeBench {
    /** Sample rate and channels of the mp3: GTZAN-like 22 kHz mono, or CD-like 44.1 kHz stereo. */
    @Param({"22050-mono", "44100-stereo"})
    public String format;

    Path dir;
    Path mp3;
    float[] samples22k;
    FeatureExtractor features;

    @Setup
    public void makeMp3() throws IOException, InterruptedException {
        String[] rateAndChannels = format.split("-");
        String rate = rateAndChannels[0];
        boolean stereo = rateAndChannels[1].equals("stereo");
        String left = "0.3*sin(2*PI*440*t)+0.05*(2*random(0)-1)";
        String right = "0.3*sin(2*PI*554*t)+0.05*(2*random(1)-1)";
        dir = Files.createTempDirectory("genrebench-decode");
        mp3 = dir.resolve(format + ".mp3");
        run(List.of("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi",
                "-i", "aevalsrc=" + left + (stereo ? "|" + right : "") + ":s=" + rate + ":d=30",
                "-b:a", "128k", mp3.toString()));
        samples22k = AudioLoader.load(mp3).samples();
        features = new FeatureExtractor(SpectralParams.DEFAULT);
    }

    @TearDown
    public void removeMp3() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** JLayer behind AudioReader: the whole file to mono floats at its own rate. */
    @Benchmark
    public AudioClip decodeJava() {
        return AudioReader.read(mp3);
    }

    /** What a dataset load does: decode, then band-limited resampling to 22 050 Hz where the rate differs. */
    @Benchmark
    public AudioClip loadJava() {
        return AudioLoader.load(mp3);
    }

    /** ffmpeg decoding the same file to mono 32-bit floats on a pipe, process start included. */
    @Benchmark
    public long decodeFfmpeg() throws IOException, InterruptedException {
        return run(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", mp3.toString(), "-ac", "1", "-f", "f32le", "-"));
    }

    /** The 58 features of the decoded clip at 22 050 Hz, one thread. */
    @Benchmark
    public double[] features() {
        return features.extract(samples22k);
    }

    /** Runs a command, discarding its output; returns the bytes it wrote. */
    private static long run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long bytes;
        try (InputStream out = process.getInputStream()) {
            bytes = out.transferTo(java.io.OutputStream.nullOutputStream());
        }
        int rc = process.waitFor();
        if (rc != 0) throw new IOException(String.join(" ", command) + " exited " + rc);
        return bytes;
    }
}
