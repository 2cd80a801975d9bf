package org.genrebench.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Map;

import org.genrebench.catalog.ModelRegistry;
import org.genrebench.model.deep.Augmentation;
import org.genrebench.model.deep.DeepConfig;
import org.genrebench.model.deep.LearningRateSchedule;
import org.genrebench.util.UserException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The networks' size options as compare and train pass them to the model registry. */
class TrainingOptionsTest {

    private static Map<String, String> settings(String... args) {
        TrainingOptions options = new TrainingOptions();
        new CommandLine(options).parseArgs(args);
        return options.networkSettings(null);
    }

    @Test
    void widthAndFullResolutionReachTheNetworkSettings() {
        assertEquals(Map.of("width", "32", "fullResolution", "true", "epochs", "10"),
                settings("--width", "32", "--full-resolution", "--epochs", "10"));
    }

    @Test
    void scheduleAndAugmentationsReachTheNetworkConfig() {
        Map<String, String> s = settings("--lr-schedule", "Cosine", "--pitch-shift", "2", "--time-shift", "--mixup", "0.2");
        assertEquals(Map.of("schedule", "cosine", "pitchShift", "2.0", "timeShift", "true", "mixup", "0.2"), s);
        DeepConfig c = org.genrebench.model.deep.NetworkParameters.config(s, 7);
        assertEquals(LearningRateSchedule.COSINE, c.schedule());
        assertEquals(new Augmentation(true, 0.2, 2, true), c.augmentation());
        assertEquals(7, c.seed());
    }

    @Test
    void anUnknownScheduleOrAnOutOfRangeShiftIsOneUserError() {
        TrainingOptions unknown = new TrainingOptions();
        new CommandLine(unknown).parseArgs("--lr-schedule", "step");
        assertThrows(UserException.class, () -> unknown.check(java.util.List.of("cnn"), false));
        TrainingOptions far = new TrainingOptions();
        new CommandLine(far).parseArgs("--pitch-shift", "13");
        UserException e = assertThrows(UserException.class, () -> far.check(java.util.List.of("cnn"), false));
        assertEquals("--pitch-shift must be between 0 and 12, got 13", e.getMessage());
    }

    @Test
    void withoutThemTheNetworksKeepTheirDefaultSize() {
        assertEquals(Map.of(), settings());
    }
}
