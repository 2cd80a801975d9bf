package org.genrebench.audio;

import be.tarsos.dsp.resample.Resampler;

/**
 * Band-limited sample-rate conversion with TarsosDSP's libresample port (Kaiser-windowed sinc, high-quality
 * filter), so that content above the new Nyquist frequency is removed rather than aliased.
 */
public final class Resampling {
    private Resampling() {
    }

    /** Output has ceil(n * toRate / fromRate) samples, the length librosa.resample gives. */
    public static float[] resample(float[] input, int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) throw new IllegalArgumentException("rates must be positive: " + fromRate + " -> " + toRate);
        if (fromRate == toRate) return input.clone();
        int outLength = Math.toIntExact(((long) input.length * toRate + fromRate - 1) / fromRate);
        float[] out = new float[outLength];
        if (input.length == 0) return out;

        double factor = toRate / (double) fromRate;
        Resampler resampler = new Resampler(true, factor, factor);
        int consumed = 0, produced = 0;
        // libresample may need several calls to drain its filter once the last input has been fed.
        for (int round = 0; produced < outLength && round < 64; round++) {
            Resampler.Result r = resampler.process(factor, input, consumed, input.length - consumed, true,
                    out, produced, outLength - produced);
            consumed += r.inputSamplesConsumed;
            produced += r.outputSamplesGenerated;
            if (r.inputSamplesConsumed == 0 && r.outputSamplesGenerated == 0) break;
        }
        return out; // any tail the filter did not emit stays zero, as librosa's zero-padded ends
    }
}
