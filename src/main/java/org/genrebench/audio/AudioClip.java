package org.genrebench.audio;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Mono audio in [-1, 1] at a known sample rate, plus the file it came from (for error messages) and, for a file cut
 * short, what is missing (the clip then holds what the file still has).
 * The float array is owned by the clip; callers must not modify it.
 */
public record AudioClip(float[] samples, int sampleRate, Path source, Optional<String> truncation) {
    public AudioClip {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(truncation, "truncation");
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    }

    /** A complete clip. */
    public AudioClip(float[] samples, int sampleRate, Path source) {
        this(samples, sampleRate, source, Optional.empty());
    }

    public double seconds() {
        return samples.length / (double) sampleRate;
    }

    /** For a file cut short, what is missing and what was used, as every command names it; else empty. */
    public Optional<String> usedTruncated() {
        return truncation.map(t -> t + String.format(java.util.Locale.ROOT, "; used the %.2f s present", seconds()));
    }
}
