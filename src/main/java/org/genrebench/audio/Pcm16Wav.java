package org.genrebench.audio;

import org.genrebench.util.UserException;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Minimal reader for 16-bit PCM WAV files (mono, or stereo averaged to mono), scaling int16 by 1/32768 as
 * soundfile/librosa do; no resampling. Interim helper for feature extraction until {@code AudioReader} (which
 * resamples and reads other formats) is merged; then callers should switch to it and this class can go.
 */
public final class Pcm16Wav {
    private Pcm16Wav() {
    }

    public static AudioClip read(Path file) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.getSampleSizeInBits() != 16)
                throw new UserException(file + ": not 16-bit signed PCM (" + f + ")");
            byte[] bytes = in.readAllBytes();
            int ch = f.getChannels();
            int n = bytes.length / (2 * ch);
            float[] y = new float[n];
            boolean big = f.isBigEndian();
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int c = 0; c < ch; c++) {
                    int b = 2 * (i * ch + c);
                    int v = big ? (bytes[b] << 8) | (bytes[b + 1] & 0xff) : (bytes[b + 1] << 8) | (bytes[b] & 0xff);
                    s += v / 32768.0;
                }
                y[i] = (float) (s / ch);
            }
            return new AudioClip(y, Math.round(f.getSampleRate()), file);
        } catch (UnsupportedAudioFileException | IOException e) {
            throw new UserException(file + ": cannot read audio (" + e.getMessage() + ")");
        }
    }
}
