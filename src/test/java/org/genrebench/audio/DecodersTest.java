package org.genrebench.audio;

import org.genrebench.feature.FeatureExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The mp3, FLAC and Ogg Vorbis decoders against committed synthetic fixtures ({@code src/test/resources/audio},
 * made by its {@code make-fixtures.sh}): FLAC must equal its source WAV sample for sample; lossy decodes are
 * compared with ffmpeg's decode of the same file after finding the best alignment.
 */
class DecodersTest {

    static Path fixture(String name) {
        try {
            return Path.of(DecodersTest.class.getResource("/audio/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static float[] ffmpegReference(String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(fixture(name + ".ffmpeg-mono.f32"))).order(ByteOrder.LITTLE_ENDIAN);
        float[] y = new float[b.limit() / 4];
        b.asFloatBuffer().get(y);
        return y;
    }

    @Test
    void flacDecodesBitExactlyToTheWavItWasMadeFrom() {
        for (String stem : new String[]{"tone-22k-stereo-16", "tone-44k-mono-24"}) {
            AudioClip wav = AudioReader.read(fixture(stem + ".wav"));
            AudioClip flac = AudioReader.read(fixture(stem + ".flac"));
            assertEquals(wav.sampleRate(), flac.sampleRate(), stem);
            assertArrayEquals(wav.samples(), flac.samples(), stem);
            AudioClip wav22 = AudioLoader.load(fixture(stem + ".wav")), flac22 = AudioLoader.load(fixture(stem + ".flac"));
            assertArrayEquals(wav22.samples(), flac22.samples(), stem + " after resampling");
        }
    }

    @Test
    void flacGivesTheSameFeaturesAsItsWav() {
        FeatureExtractor fx = new FeatureExtractor();
        double[] fromWav = fx.extract(AudioLoader.load(fixture("tone-22k-stereo-16.wav")).samples());
        double[] fromFlac = fx.extract(AudioLoader.load(fixture("tone-22k-stereo-16.flac")).samples());
        // Same samples in, so the same features out, bit for bit (the feature code is deterministic across JIT tiers).
        for (int i = 0; i < fromWav.length; i++) assertEquals(fromWav[i], fromFlac[i], 0.0, "feature " + i);
    }

    /** Signal-to-error ratio in dB of {@code y} against {@code ref}, with {@code y} shifted by {@code lag}. */
    static double snrDb(float[] ref, float[] y, int lag) {
        double signal = 0, error = 0;
        for (int i = 0; i < ref.length; i++) {
            int j = i + lag;
            double v = j >= 0 && j < y.length ? y[j] : 0;
            signal += (double) ref[i] * ref[i];
            error += (ref[i] - v) * (ref[i] - v);
        }
        return 10 * Math.log10(signal / error);
    }

    /** The shift of {@code y} against {@code ref}, within ±2 frames, that gives the best match. */
    static int bestLag(float[] ref, float[] y) {
        int best = 0;
        double bestSnr = Double.NEGATIVE_INFINITY;
        for (int lag = -2304; lag <= 2304; lag++) {
            double s = snrDb(ref, y, lag);
            if (s > bestSnr) {
                bestSnr = s;
                best = lag;
            }
        }
        return best;
    }

    static double maxError(float[] ref, float[] y) {
        double max = 0;
        for (int i = 0; i < Math.min(ref.length, y.length); i++) max = Math.max(max, Math.abs(ref[i] - y[i]));
        return max;
    }

    /**
     * Same alignment, same length and a near-identical waveform as ffmpeg's decoder: both implement the same
     * standard filter bank, so the difference is rounding, far below the codec's own error.
     */
    @Test
    void mp3MatchesFfmpegsDecodeSampleAligned() throws IOException {
        for (String name : new String[]{"tone-22k-mono.mp3", "tone-44k-stereo.mp3"}) {
            AudioClip clip = AudioReader.read(fixture(name));
            float[] ref = ffmpegReference(name);
            int lag = bestLag(ref, clip.samples());
            double snr = snrDb(ref, clip.samples(), 0);
            System.out.printf(Locale.ROOT, "%s: %d Hz, %d samples (ffmpeg %d), best lag %d, SNR %.1f dB, max |error| %.2e%n", name,
                    clip.sampleRate(), clip.samples().length, ref.length, lag, snr, maxError(ref, clip.samples()));
            assertEquals(0, lag, name + ": gapless trimming lines the decode up with ffmpeg's");
            assertEquals(ref.length, clip.samples().length, name + ": encoder delay and padding removed");
            assertTrue(snr > 60, name + ": SNR " + snr);
        }
        assertEquals(22050, AudioReader.read(fixture("tone-22k-mono.mp3")).sampleRate());
        assertEquals(44100, AudioReader.read(fixture("tone-44k-stereo.mp3")).sampleRate());
    }

    @Test
    void vorbisMatchesFfmpegsDecode() throws IOException {
        AudioClip clip = AudioReader.read(fixture("tone-44k-stereo.ogg"));
        float[] ref = ffmpegReference("tone-44k-stereo.ogg");
        int lag = bestLag(ref, clip.samples());
        double snr = snrDb(ref, clip.samples(), 0);
        System.out.printf(Locale.ROOT, "tone-44k-stereo.ogg: %d samples (ffmpeg %d), best lag %d, SNR %.1f dB, max |error| %.2e%n",
                clip.samples().length, ref.length, lag, snr, maxError(ref, clip.samples()));
        assertEquals(44100, clip.sampleRate());
        assertEquals(0, lag);
        assertEquals(ref.length, clip.samples().length);
        assertTrue(snr > 60, "SNR " + snr);
    }

    @Test
    void recognisedButUndecodedFormatsSayHowToConvert(@TempDir Path tmp) throws IOException {
        for (String name : new String[]{"tone.opus", "tone.m4a"}) {
            Path renamed = Files.copy(fixture(name), tmp.resolve("song.audio")); // judged by the bytes, not the name
            AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioReader.read(renamed));
            assertTrue(e.getMessage().contains("is not supported; convert it, e.g. ffmpeg -i 'song.audio' 'song.flac'"), e.getMessage());
            assertTrue(e.getMessage().contains(name.endsWith("opus") ? "Opus" : "MPEG-4"), e.getMessage());
            Files.delete(renamed);
        }
    }

    @Test
    void damagedCompressedFilesAreOneLineErrors(@TempDir Path tmp) throws IOException {
        for (String name : new String[]{"tone-22k-stereo-16.flac", "tone-44k-stereo.ogg", "tone-22k-mono.mp3"}) {
            byte[] bytes = Files.readAllBytes(fixture(name));
            Path head = tmp.resolve("head-" + name);
            Files.write(head, Arrays.copyOf(bytes, 40)); // the header and nothing else
            AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioReader.read(head), name);
            assertTrue(e.getMessage().startsWith("cannot read audio file " + head + ": "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());

            Path cut = tmp.resolve("cut-" + name);
            Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2)); // a download cut short: the first half plays
            if (name.endsWith(".ogg")) { // this file's audio is one Ogg page, and a partial page holds no whole packet
                AudioFormatException partial = assertThrows(AudioFormatException.class, () -> AudioReader.read(cut));
                assertEquals("cannot read audio file " + cut + ": Ogg Vorbis stream holds no audio", partial.getMessage());
                continue;
            }
            AudioClip half = AudioReader.read(cut);
            AudioClip whole = AudioReader.read(fixture(name));
            assertTrue(half.samples().length > whole.samples().length / 4 && half.samples().length < whole.samples().length,
                    name + ": " + half.samples().length + " of " + whole.samples().length);
        }
    }
}
