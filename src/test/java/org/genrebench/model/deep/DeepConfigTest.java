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
    void rejectsAnAverageDecayOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new DeepConfig(1, 1, 1e-3, 0, 0, false, 1.0, 1L, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new DeepConfig(1, 1, 1e-3, 0, 0, false, -0.1, 1L, 0, 0));
    }
}
