package org.genrebench.bench;

import fr.delthas.javamp3.Sound;
import org.genrebench.audio.AudioClip;
import org.genrebench.audio.AudioLoader;
import org.genrebench.audio.AudioReader;
import org.genrebench.audio.Resampling;
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
 * Decoding a 30-second mp3 in pure Java and resampling it to 22 050 Hz against extracting the 58 features of the
 * same clip, with ffmpeg and javamp3 decoding, and TarsosDSP resampling, the same file in the same run for scale. The mp3 (a tone plus noise, 128 kbit/s) is made by ffmpeg in a temporary
 * folder at setup. Without ffmpeg on the PATH, {@link JmhMain} leaves {@code decodeFfmpeg} out and the mp3 is the
 * audio frames of a committed 3.2-s test fixture repeated to 30 s (same format, so the same work per frame).
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

    /** Where the mp3 comes from when ffmpeg is missing, for the line {@link JmhMain} prints. */
    static final String FIXTURE_NOTE = "the audio frames of src/test/resources/audio/song-22k-mono.mp3 (64 kbit/s) and"
            + " song-44k-stereo.mp3 (128 kbit/s) repeated to 30 s";

    Path dir;
    Path mp3;
    float[] samples22k;
    AudioClip nativeRate;
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
        if (ffmpegOnPath()) {
            run(List.of("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi",
                    "-i", "aevalsrc=" + left + (stereo ? "|" + right : "") + ":s=" + rate + ":d=30",
                    "-b:a", "128k", mp3.toString()));
        } else {
            String fixture = stereo ? "song-44k-stereo.mp3" : "song-22k-mono.mp3";
            try (InputStream in = DecodeBench.class.getResourceAsStream("/audio/" + fixture)) {
                if (in == null) throw new IOException("test fixture /audio/" + fixture + " not on the class path (run test-compile)");
                Files.write(mp3, Mp3Frames.repeatedAudioFrames(in.readAllBytes(), 30));
            }
        }
        nativeRate = AudioReader.read(mp3);
        samples22k = AudioLoader.load(mp3).samples();
        if (samples22k.length < 29 * 22050) throw new IOException(mp3 + " decodes to " + samples22k.length / 22050.0 + " s, not 30");
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

    /** javamp3, the other pure-Java mp3 decoder on Maven Central, decoding the same file to 16-bit PCM bytes. */
    @Benchmark
    public long decodeJavamp3() throws IOException {
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (Sound sound = new Sound(new java.io.BufferedInputStream(Files.newInputStream(mp3)))) {
            for (int n; (n = sound.read(buffer)) > 0; ) bytes += n;
        }
        return bytes;
    }

    /** GenreBench's resampler alone ({@link Resampling}) on the decoded mono clip, to 22 050 Hz. */
    @Benchmark
    public float[] resample() {
        return Resampling.resample(nativeRate.samples(), nativeRate.sampleRate(), AudioLoader.DEFAULT_SAMPLE_RATE);
    }

    /** TarsosDSP's libresample port (high quality), the library resampler {@link Resampling} replaces, same input. */
    @Benchmark
    public float[] resampleTarsos() {
        return TarsosResampling.resample(nativeRate.samples(), nativeRate.sampleRate(), AudioLoader.DEFAULT_SAMPLE_RATE);
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

    /** Whether an executable {@code ffmpeg} is in one of the PATH's folders. */
    static boolean ffmpegOnPath() {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, "ffmpeg"))) return true;
        }
        return false;
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
