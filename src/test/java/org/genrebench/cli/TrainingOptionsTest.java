package org.genrebench.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void withoutThemTheNetworksKeepTheirDefaultSize() {
        assertEquals(Map.of(), settings());
    }
}
