package org.genrebench.model.deep;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeepConfigTest {
    @Test
    void settingsRoundTripThroughTheirOnDiskForm() {
        Properties p = new Properties();
        p.putAll(DeepConfig.DEFAULT.toMap());
        assertEquals(DeepConfig.DEFAULT, DeepConfig.fromMap(p));
    }

    @Test
    void modelFilesWrittenBeforeWeightAveragingReadAsRawWeights() {
        Properties p = new Properties();
        p.putAll(DeepConfig.DEFAULT.toMap());
        p.remove("averageDecay");
        assertEquals(0.0, DeepConfig.fromMap(p).averageDecay());
    }

    @Test
    void everySettingRoundTripsAndFilesWithoutTheNewerOnesReadAsTheirOldMeaning() {
        DeepConfig all = DeepConfig.DEFAULT.withSchedule(LearningRateSchedule.COSINE)
                .withAugmentation(new Augmentation(false, 0.2, 2, true));
        Properties p = new Properties();
        p.putAll(all.toMap());
        assertEquals(all, DeepConfig.fromMap(p));
        Properties old = new Properties();
        old.putAll(DeepConfig.DEFAULT.toMap());
        assertEquals(java.util.Set.of(), old.keySet().stream().filter(k -> java.util.List.of("schedule", "mixup",
                "pitchShift", "timeShift").contains(k)).collect(java.util.stream.Collectors.toSet()),
                "defaults write no key a file from before them lacks");
        assertEquals(LearningRateSchedule.RISING, DeepConfig.fromMap(old).schedule());
        assertEquals(Augmentation.DEFAULT, DeepConfig.fromMap(old).augmentation());
    }

    @Test
    void rejectsAnAverageDecayOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class,
                () -> new DeepConfig(1, 1, 1e-3, LearningRateSchedule.RISING, 0, 0, 1.0, 1L, 0, Augmentation.DEFAULT));
        assertThrows(IllegalArgumentException.class,
                () -> new DeepConfig(1, 1, 1e-3, LearningRateSchedule.RISING, 0, 0, -0.1, 1L, 0, Augmentation.DEFAULT));
    }

    @Test
    void rejectsAugmentationOutsideItsRange() {
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(true, -0.1, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(true, 0, 13, false));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(true, 0, -1, false));
    }
}
