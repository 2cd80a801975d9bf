package org.genrebench.bench;

import org.genrebench.audio.AudioLoader;
import org.genrebench.feature.Chroma;
import org.genrebench.feature.FeatureExtractor;
import org.genrebench.feature.Hpss;
import org.genrebench.feature.LogMel;
import org.genrebench.feature.MelSpectrum;
import org.genrebench.feature.Rhythm;
import org.genrebench.feature.SpectralParams;
import org.genrebench.feature.Spectrogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Feature extraction cost per 30-second GTZAN track (661 794 samples at 22 050 Hz), single-threaded unless noted.
 * The per-group benchmarks start from a precomputed STFT (their cost excludes the shared STFT, reported on its own).
 * Input: {@code -Dgenrebench.track=FILE} or the shared {@code ../shared/data/gtzan-sample/blues/blues.00000.wav};
 * without either, 30 s of deterministic synthetic audio.
 *
 * <p>Besides JMH's wall-clock score, every measured iteration prints the benchmark thread's <b>CPU time</b> per call
 * ({@code cpu <benchmark> <ms/op>}), which is less sensitive than wall time to other processes competing for the cores.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
public class FeatureBench {

    /** The track, shared read-only by every thread. */
    @State(Scope.Benchmark)
    public static class Track {
        float[] y;

        @Setup
        public void load() {
            Path p = Path.of(System.getProperty("genrebench.track", "../shared/data/gtzan-sample/blues/blues.00000.wav"));
            if (Files.isRegularFile(p)) {
                y = AudioLoader.load(p).samples();
            } else {
                y = new float[661794];
                Random rnd = new Random(1);
                for (int i = 0; i < y.length; i++)
                    y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / 22050.0) + 0.05 * rnd.nextGaussian());
            }
        }
    }

    /** Per-thread CPU time of one measured iteration, printed at its end. */
    @State(Scope.Thread)
    public static class CpuTime {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        long start;
        long calls;

        @Setup(Level.Iteration)
        public void begin() {
            calls = 0;
            start = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void end(BenchmarkParams b, IterationParams it) {
            long cpu = THREADS.getCurrentThreadCpuTime() - start;
            if (it.getType() == org.openjdk.jmh.runner.IterationType.MEASUREMENT && calls > 0)
                System.out.printf("cpu %s %.2f ms/op%n", b.getBenchmark().substring(b.getBenchmark().lastIndexOf('.') + 1), cpu / 1e6 / calls);
        }
    }

    /** Per-thread extractors and precomputed intermediate results. */
    @State(Scope.Thread)
    public static class Work {
        final SpectralParams p = SpectralParams.DEFAULT;
        FeatureExtractor fx;
        Spectrogram spec;
        MelSpectrum mel;
        Rhythm rhythm;
        Hpss hpss;
        LogMel logMel;
        double[] melDb, mfcc, env, chroma;
        float[] tuningScratch, harmonic, percussive, windows;
        int frames;

        @Setup
        public void setup(Track t) {
            fx = new FeatureExtractor(p);
            spec = new Spectrogram(p).compute(t.y, 0, t.y.length);
            frames = spec.frames();
            mel = new MelSpectrum(p);
            rhythm = new Rhythm(p);
            hpss = new Hpss(p);
            logMel = new LogMel(p);
            melDb = new double[frames * p.nMels()];
            mfcc = new double[frames * p.nMfcc()];
            env = new double[frames];
            chroma = new double[frames * 12];
            tuningScratch = new float[2 * frames * p.bins()];
            harmonic = new float[t.y.length];
            percussive = new float[t.y.length];
            mel.melDb(spec.power(), frames, melDb);
            int win = logMel.windowSamples(LogMel.DEFAULT_WINDOW_SECONDS);
            windows = new float[LogMel.windowStarts(t.y.length, win, LogMel.DEFAULT_OVERLAP).length * p.nMels() * logMel.frames(win)];
        }
    }

    /** All 58 features of one track. */
    @Benchmark
    public double[] fullVector(Track t, Work w, CpuTime c) {
        c.calls++;
        return w.fx.extract(t.y);
    }

    /** Centred STFT (n_fft 2048, hop 512) with magnitude and power. */
    @Benchmark
    public Spectrogram stft(Track t, Work w, CpuTime c) {
        c.calls++;
        return w.spec.compute(t.y, 0, t.y.length);
    }

    /** 128-band mel power in dB and 20 MFCCs, from the power spectrogram. */
    @Benchmark
    public double[] melMfcc(Work w, CpuTime c) {
        c.calls++;
        w.mel.melDb(w.spec.power(), w.frames, w.melDb);
        w.mel.mfcc(w.melDb, w.frames, w.mfcc);
        return w.mfcc;
    }

    /** Tuning estimate, chroma filter bank and chroma_stft, from the power spectrogram. */
    @Benchmark
    public double[] chroma(Work w, CpuTime c) {
        c.calls++;
        double tuning = Chroma.estimateTuning(w.spec.power(), w.frames, w.p, w.tuningScratch);
        Chroma.chroma(w.spec.power(), w.frames, w.p, Chroma.filterBank(w.p, tuning), w.chroma);
        return w.chroma;
    }

    /** HPSS: both median filters, soft masks, inverse STFT, from the STFT. */
    @Benchmark
    public float[] hpss(Track t, Work w, CpuTime c) {
        c.calls++;
        w.hpss.separate(w.spec, t.y, 0, t.y.length, w.harmonic, w.percussive);
        return w.percussive;
    }

    /** Onset strength (median over bands) and tempo, from the dB mel spectrogram. */
    @Benchmark
    public double tempo(Work w, CpuTime c) {
        c.calls++;
        w.rhythm.onsetStrength(w.melDb, w.frames, Rhythm.Aggregate.MEDIAN, w.env);
        return w.rhythm.tempo(w.env, w.frames);
    }

    /** Log-mel windows for the networks: 3 s windows, 50 % overlap (19 × 128 × 130 floats per track). */
    @Benchmark
    public float[] logMelWindows(Track t, Work w, CpuTime c) {
        c.calls++;
        int win = w.logMel.windowSamples(LogMel.DEFAULT_WINDOW_SECONDS);
        int[] starts = LogMel.windowStarts(t.y.length, win, LogMel.DEFAULT_OVERLAP);
        int per = w.p.nMels() * w.logMel.frames(win);
        for (int i = 0; i < starts.length; i++) w.logMel.window(t.y, starts[i], win, w.windows, i * per);
        return w.windows;
    }

    /** Whole-vector throughput with two threads, in tracks per second. */
    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public double[] fullVectorTwoThreads(Track t, Work w, CpuTime c) {
        c.calls++;
        return w.fx.extract(t.y);
    }
}
