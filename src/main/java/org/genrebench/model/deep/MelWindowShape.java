package org.genrebench.model.deep;

/**
 * Shape and memory layout of one log-mel window as the networks receive it.
 *
 * <p>A window is a flattened {@code float[bands * frames]} in <b>row-major, mel-band-major</b> order:
 * {@code value(band, frame) = window[band * frames + frame]}, band 0 the lowest mel band, frame 0 the earliest.
 * The networks see it as a one-channel image of height {@code bands} and width {@code frames}. With one channel
 * this byte order is the same for NCHW and NHWC, so the layout choice inside a network costs no copy.
 *
 * @param bands  mel bands (image height); 128 for GenreBench's {@code LogMel}
 * @param frames STFT frames per window (image width); 130 for 3 s at 22 050 Hz, hop 512
 */
public record MelWindowShape(int bands, int frames) {

    /** The default window: 128 mel bands by 130 frames (3 s windows, 50 % overlap, n_fft 2048, hop 512). */
    public static final MelWindowShape DEFAULT = new MelWindowShape(128, 130);

    public MelWindowShape {
        if (bands < 1 || frames < 1) {
            throw new IllegalArgumentException("window shape must be positive, got " + bands + "x" + frames);
        }
    }

    /** Length of a flattened window. */
    public int length() {
        return bands * frames;
    }

    /** Index of {@code (band, frame)} in a flattened window. */
    public int index(int band, int frame) {
        return band * frames + frame;
    }

    @Override
    public String toString() {
        return bands + "x" + frames;
    }
}
