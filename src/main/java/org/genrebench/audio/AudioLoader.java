package org.genrebench.audio;

import java.nio.file.Path;

/** Reads an audio file and brings it to the sample rate every feature extractor and model expects. */
public final class AudioLoader {
    /** GTZAN's native rate and librosa's default. */
    public static final int DEFAULT_SAMPLE_RATE = 22050;

    private AudioLoader() {
    }

    public static AudioClip load(Path file) {
        return load(file, DEFAULT_SAMPLE_RATE);
    }

    public static AudioClip load(Path file, int targetRate) {
        AudioClip clip = AudioReader.read(file);
        if (clip.sampleRate() == targetRate) return clip;
        return new AudioClip(Resampling.resample(clip.samples(), clip.sampleRate(), targetRate), targetRate, file, clip.truncation());
    }
}
