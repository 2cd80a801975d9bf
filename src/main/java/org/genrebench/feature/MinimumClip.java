package org.genrebench.feature;

import org.genrebench.util.UserException;

import java.util.Locale;

/**
 * How short a clip may be, the one rule that {@code extract}, {@code compare}, {@code train} and {@code predict} share:
 * at least one mel window (3 s by default) and, when feature rows are cut into chunks, one whole chunk. A shorter clip
 * (FMA holds a few, and some that hold no audio at all) is skipped with its duration named, rather than padded with
 * silence into inputs that look like a quiet song. The floor holds for whole-track rows ({@code --chunk-seconds 0})
 * too, so that every command and every model keeps the same songs.
 */
public final class MinimumClip {
    private MinimumClip() {
    }

    /** Fewest samples a clip needs: {@code windowSamples}, or {@code chunkSamples} when rows are chunked and longer. */
    public static int samples(int chunkSamples, int windowSamples) {
        return Math.max(windowSamples, chunkSamples);
    }

    /** The default mel window at {@code params}' rate: what {@code extract} requires beside its chunks. */
    public static int defaultWindowSamples(SpectralParams params) {
        return params.windowSamples(LogMel.DEFAULT_WINDOW_SECONDS);
    }

    /** Throws a user error giving the clip's duration when it is shorter than {@link #samples}. */
    public static void require(int clipSamples, int sampleRate, int chunkSamples, int windowSamples) {
        int minimum = samples(chunkSamples, windowSamples);
        if (clipSamples >= minimum) return;
        String unit = chunkSamples > windowSamples ? "feature chunk" : "mel window";
        throw new UserException(String.format(Locale.ROOT, "too short: %.2f s of audio, less than one %.2f s %s; skipped",
                clipSamples / (double) sampleRate, minimum / (double) sampleRate, unit));
    }
}
