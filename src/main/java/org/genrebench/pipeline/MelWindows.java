package org.genrebench.pipeline;

import org.genrebench.audio.AudioLoader;
import org.genrebench.audio.Resampling;
import org.genrebench.dataset.Sample;
import org.genrebench.feature.LogMel;
import org.genrebench.feature.MinimumClip;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The networks' view: log-mel windows of {@code windowSamples} samples, consecutive windows overlapping by
 * {@code overlap}, each flattened band-major as {@link LogMel#windows} gives them.
 */
public record MelWindows(int windowSamples, double overlap) implements InputView<float[]> {
    static final String VIEW = "mel-windows";
    private static final ThreadLocal<LogMel> LOG_MELS = ThreadLocal.withInitial(LogMel::new);

    @Override
    public String unitName() {
        return "mel windows";
    }

    @Override
    public List<Sample<float[]>> select(PreparedViews data) {
        return data.windows();
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("view", VIEW, "windowSamples", Integer.toString(windowSamples), "windowOverlap", Double.toString(overlap));
    }

    @Override
    public String cacheKey() {
        return "logmel128/v1/sr=" + AudioLoader.DEFAULT_SAMPLE_RATE + "/" + Resampling.ID + "/window=" + windowSamples + "/overlap=" + overlap;
    }

    /** Every window of the clip, flattened one after another: the cached form. A clip shorter than one window is a user error ({@link MinimumClip}). */
    @Override
    public float[] flat(float[] y) {
        MinimumClip.require(y.length, AudioLoader.DEFAULT_SAMPLE_RATE, 0, windowSamples);
        return LOG_MELS.get().windows(y, windowSamples, overlap);
    }

    /** The windows of a {@link #flat} array, one array each. */
    @Override
    public List<float[]> unflatten(float[] flat) {
        LogMel logMel = LOG_MELS.get();
        int per = logMel.mels() * logMel.frames(windowSamples);
        float[][] windows = new float[flat.length / per][];
        for (int w = 0; w < windows.length; w++) windows[w] = Arrays.copyOfRange(flat, w * per, (w + 1) * per);
        return Arrays.asList(windows);
    }
}
