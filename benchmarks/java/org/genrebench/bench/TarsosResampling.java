package org.genrebench.bench;

import be.tarsos.dsp.resample.Resampler;

/**
 * TarsosDSP's libresample port (Kaiser-windowed sinc, high-quality filter), kept beside {@link
 * org.genrebench.audio.Resampling} only to measure it: speed in {@link DecodeBench}, accuracy against soxr in
 * {@link ResampleCompare}.
 */
final class TarsosResampling {
    private TarsosResampling() {
    }

    /** ceil(n · toRate / fromRate) samples, as {@code Resampling.resample}. */
    static float[] resample(float[] input, int fromRate, int toRate) {
        int outLength = Math.toIntExact(((long) input.length * toRate + fromRate - 1) / fromRate);
        float[] out = new float[outLength];
        if (input.length == 0 || fromRate == toRate) return fromRate == toRate ? input.clone() : out;
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
        return out;
    }
}
