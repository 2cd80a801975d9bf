package org.genrebench.catalog;

import org.genrebench.model.deep.Crnn;
import org.genrebench.model.deep.GtzanKerasCnn;
import org.genrebench.model.deep.MelCnn;
import org.genrebench.model.deep.NetworkArchitecture;
import org.genrebench.model.deep.VggLike;
import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --width and --full-resolution reach the networks through the registry's settings map. */
class ModelRegistryNetworkSizeTest {

    @Test
    void defaultsAreTheCpuSizesAndThePublishedSize() {
        assertEquals(new MelCnn(NetworkArchitecture.DEFAULT_WIDTH, true), ModelRegistry.architecture("cnn", Map.of()));
        assertEquals(new VggLike(NetworkArchitecture.DEFAULT_WIDTH, true), ModelRegistry.architecture("vgg", Map.of()));
        assertEquals(new Crnn(NetworkArchitecture.DEFAULT_WIDTH, true), ModelRegistry.architecture("crnn", Map.of()));
        assertEquals(GtzanKerasCnn.PUBLISHED, ModelRegistry.architecture(GtzanKerasCnn.NAME, Map.of()));
    }

    @Test
    void widthAndFullResolutionOverrideTheDefaults() {
        Map<String, String> big = Map.of("width", "32", "fullResolution", "true");
        assertEquals(new MelCnn(32, false), ModelRegistry.architecture("cnn", big));
        assertEquals(new Crnn(32, false), ModelRegistry.architecture("crnn", big));
        assertEquals(new GtzanKerasCnn(8, false), ModelRegistry.architecture(GtzanKerasCnn.NAME, Map.of("width", "8")));
        assertEquals("32", ModelRegistry.deep("vgg").create(big, 1L).hyperParameters().get("width"));
        assertEquals("full resolution", ModelRegistry.deep("vgg").create(big, 1L).hyperParameters().get("input"));
    }

    @Test
    void optionsGivenAtTheirDefaultAreNoSettingOfTheirOwn() {
        String gtzan = GtzanKerasCnn.NAME;
        assertEquals(Map.of(), ModelRegistry.withoutDefaults(List.of("cnn", "vgg"), Map.of("width", "8", "epochs", "30", "batchSize", "32")));
        assertEquals(Map.of("width", "8"), ModelRegistry.withoutDefaults(List.of(gtzan), Map.of("width", "8")));
        assertEquals(Map.of("width", "8"), ModelRegistry.withoutDefaults(List.of("cnn", gtzan), Map.of("width", "8")));
        assertEquals(Map.of(), ModelRegistry.withoutDefaults(List.of(gtzan), Map.of("width", "16", "fullResolution", "true")));
        assertEquals(Map.of("epochs", "20", "width", "16"), ModelRegistry.withoutDefaults(List.of("cnn"),
                Map.of("epochs", "20", "width", "16", "schedule", "rising")));
        assertEquals(Map.of(), ModelRegistry.withoutDefaults(List.of(), Map.of("width", "16")), "no network runs");
    }

    @Test
    void aWidthBelowOneIsAUserError() {
        UserException e = assertThrows(UserException.class, () -> ModelRegistry.architecture("cnn", Map.of("width", "0")));
        assertEquals("model cnn: width must be an integer in [1, 1024], got '0'", e.getMessage());
    }

    @Test
    void thePublishedNetworkIsADeepModelOutsideTheDefaultEight() {
        assertEquals(List.of(GtzanKerasCnn.NAME), ModelRegistry.deepOf(List.of(GtzanKerasCnn.NAME, "svm")));
        assertEquals(GtzanKerasCnn.NAME, ModelRegistry.deep().get(ModelRegistry.deep().size() - 1).name());
    }
}
