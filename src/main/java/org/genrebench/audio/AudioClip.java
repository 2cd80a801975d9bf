package org.genrebench.audio;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Mono audio in [-1, 1] at a known sample rate, plus the file it came from (for error messages).
 * The float array is owned by the clip; callers must not modify it.
 */
public record AudioClip(float[] samples, int sampleRate, Path source) {
    public AudioClip {
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    }

    public double seconds() {
        return samples.length / (double) sampleRate;
    }
}
