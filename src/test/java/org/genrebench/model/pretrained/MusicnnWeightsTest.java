package org.genrebench.model.pretrained;

import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class MusicnnWeightsTest {
    @Test
    void namesFilesAndUrls() {
        assertEquals("MSD_musicnn.h5", MusicnnWeights.MSD_MUSICNN.fileName());
        assertEquals("https://github.com/Quint-e/musicnn_keras/raw/master/musicnn_keras/keras_checkpoints/MTT_vgg.h5",
                MusicnnWeights.MTT_VGG.url().toString());
        assertEquals("http://127.0.0.1:1/m/MSD_vgg.h5", MusicnnWeights.MSD_VGG.remoteFile("http://127.0.0.1:1/m/").url().toString());
        assertEquals(MusicnnWeights.MTT_VGG, MusicnnWeights.byName("mtt-vgg"));
        assertEquals(MusicnnWeights.MSD_MUSICNN, MusicnnWeights.byName(" MSD_musicnn"));
        assertEquals("unknown musicnn model 'msd'; known: MSD_musicnn, MTT_musicnn, MSD_vgg, MTT_vgg",
                assertThrows(UserException.class, () -> MusicnnWeights.byName("msd")).getMessage());
        assertEquals("rock", MusicnnWeights.MSD_VGG.tags().getFirst());
        assertEquals("guitar", MusicnnWeights.MTT_MUSICNN.tags().getFirst());
        for (MusicnnWeights w : MusicnnWeights.values()) assertEquals(50, w.tags().size(), w.id());
    }

    @Test
    void modelsAreLookedForInTheGivenFolderElseTheDefault(@TempDir Path dir) throws IOException {
        assertEquals(dir, MusicnnWeights.directory(dir));
        String env = System.getenv(MusicnnWeights.DIRECTORY_ENV);
        assertEquals(env == null || env.isBlank() ? Path.of("data/models/musicnn") : Path.of(env), MusicnnWeights.directory(null));
        UserException missing = assertThrows(UserException.class, () -> MusicnnWeights.MTT_MUSICNN.file(dir));
        assertEquals("pre-trained model " + dir.resolve("MTT_musicnn.h5") + " not found; fetch the musicnn models with: "
                + "genrebench download musicnn --to " + dir, missing.getMessage());
        Path file = Files.write(dir.resolve("MTT_musicnn.h5"), new byte[1]);
        assertEquals(file, MusicnnWeights.MTT_MUSICNN.file(dir));
    }
}
