package org.genrebench.pipeline;

import org.genrebench.audio.WavWriter;
import org.genrebench.dataset.cache.ArrayCache;
import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The one path from audio to model inputs: the same checks for every view and for extract's table rows. */
class AudioInputsTest {
    @TempDir
    Path tmp;

    private static float[] tone(double seconds) {
        float[] y = new float[(int) (seconds * 22050)];
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.3 * Math.sin(i * 0.05));
        return y;
    }

    @Test
    void nonFiniteValuesAreOneUserErrorInEveryView() {
        float[] y = tone(4);
        y[30_000] = Float.NaN;
        String why = "is NaN (audio outside the range features can describe)";
        assertTrue(assertThrows(UserException.class, () -> AudioInputs.tableRows(y, 0)).getMessage().endsWith(why));
        for (InputView<?> view : List.of(new FeatureRows(0), InputSettings.defaults().melWindows())) {
            String message = assertThrows(UserException.class, () -> AudioInputs.inputs(view, y), view.unitName()).getMessage();
            assertTrue(message.endsWith(why), message);
        }
    }

    @Test
    void aClipShorterThanItsInputsIsOneUserErrorInEveryView() {
        float[] y = tone(2);
        assertThrows(UserException.class, () -> AudioInputs.tableRows(y, InputSettings.chunkSamples(3)));
        for (InputView<?> view : List.of(InputSettings.defaults().featureRows(), InputSettings.defaults().melWindows())) {
            assertThrows(UserException.class, () -> AudioInputs.inputs(view, y), view.unitName());
        }
    }

    @Test
    void aTrackIsCachedByContentAndServedFromTheCacheTheSecondTime() throws Exception {
        Path wav = tmp.resolve("a.wav");
        WavWriter.writeFloat32(wav, tone(7), 22050);
        AudioInputs inputs = new AudioInputs(new ArrayCache(tmp.resolve("cache")));
        InputSettings settings = InputSettings.defaults();
        List<InputView<?>> views = List.of(settings.featureRows(), settings.melWindows());
        AudioInputs.TrackInputs first = inputs.track(wav, views, settings.featureChunkSamples(), settings.windowSamples());
        AudioInputs.TrackInputs second = inputs.track(wav, views, settings.featureChunkSamples(), settings.windowSamples());
        assertFalse(first.cached());
        assertTrue(second.cached());
        assertEquals(2, first.of(settings.featureRows()).size(), "two whole 3-s chunks in 7 s");
        for (int k = 0; k < 2; k++) assertArrayEquals(first.of(settings.featureRows()).get(k), second.of(settings.featureRows()).get(k), 0.0);
        assertArrayEquals(AudioInputs.inputs(settings.melWindows(), AudioInputs.decode(wav).samples()).getFirst(),
                second.of(settings.melWindows()).getFirst(), 0f, "cached windows are the uncached ones");
        assertTrue(Files.list(tmp.resolve("cache")).findAny().isPresent());
    }

    @Test
    void aFileWithoutSamplesIsNamed() throws Exception {
        Path wav = tmp.resolve("empty.wav");
        WavWriter.writeFloat32(wav, new float[0], 22050);
        String message = assertThrows(UserException.class, () -> AudioInputs.decode(wav)).getMessage();
        assertTrue(message.contains("empty.wav") && message.contains("no"), message);
    }
}
