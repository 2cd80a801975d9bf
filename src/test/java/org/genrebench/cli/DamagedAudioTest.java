package org.genrebench.cli;

import org.genrebench.testutil.AudioBytes;
import org.genrebench.testutil.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.genrebench.cli.BadInputContractTest.assertNoTrace;
import static org.genrebench.cli.CompareCommandTest.cli;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Audio that decodes but cannot give honest features: absurd float samples are skipped and named where they are read;
 * a file cut short is named as truncated and used, or skipped when less than one analysis window is left.
 */
class DamagedAudioTest {
    @TempDir
    Path tmp;

    /** Three good genres plus: a float WAV of 1e30 samples, one cut to 90 %, one cut to 3 000 bytes. */
    private Path damagedDataset() throws IOException {
        Path data = CompareCommandTest.goodDataset(tmp.resolve("damaged"));
        Path blues = data.resolve("genres/blues"), rock = data.resolve("genres/rock");
        float[] huge = TestAudio.tone(300, 4, 22050, 5);
        for (int i = 0; i < huge.length; i++) huge[i] *= 1e30f;
        Files.write(blues.resolve("blues.00030.wav"), AudioBytes.wav(3, 1, 22050, 32, AudioBytes.floats(ByteOrder.LITTLE_ENDIAN, huge)));
        TestAudio.writeWav(rock.resolve("rock.00030.wav"), TestAudio.tone(2100, 4, 22050, 6), 22050, 1, 16);
        byte[] full = Files.readAllBytes(rock.resolve("rock.00030.wav"));
        Files.write(rock.resolve("rock.00030.wav"), Arrays.copyOf(full, full.length * 9 / 10));
        Files.write(rock.resolve("rock.00031.wav"), Arrays.copyOf(full, 3000));
        return data;
    }

    @Test
    void compareNamesTruncatedAndAbsurdFilesInConsoleAndReport() throws IOException {
        Path data = damagedDataset();
        CompareCommandTest.Run r = cli("compare", "--data", data.toString(), "--models", "knn,svm", "--folds", "3",
                "--data-root", tmp.resolve("root").toString(), "--out", tmp.resolve("results").toString());
        assertEquals(1, r.code(), "inputs were skipped: exit status 1\n" + r.err() + r.out());
        assertNoTrace(r.out() + r.err());
        assertTrue(r.out().contains("10 songs"), "9 good songs and the truncated one with 3.6 s left:\n" + r.out());
        String report = Files.readString(tmp.resolve("results/damaged/report.md"));
        for (String where : List.of(r.out(), report)) {
            assertTrue(where.contains("blues.00030.wav") && where.contains("far outside [-1, 1]"), where);
            assertTrue(where.matches("(?s).*rock\\.00030\\.wav: truncated: the header declares 4\\.00 s.*used the 3\\.60 s present.*"), where);
            assertTrue(where.matches("(?s).*rock\\.00031\\.wav.*truncated.*less than one analysis window.*"), where);
        }
        assertFalse(Files.readString(tmp.resolve("results/damaged/summary.json")).contains("NaN"));

        // a second run names the truncated file again (its features are never cached)
        CompareCommandTest.Run again = cli("compare", "--data", data.toString(), "--models", "knn", "--folds", "3",
                "--data-root", tmp.resolve("root").toString(), "--out", tmp.resolve("results2").toString());
        assertTrue(again.out().contains("rock.00030.wav: truncated"), again.out());
    }

    @Test
    void extractWritesNoNonFiniteFeaturesAndNamesTruncatedFiles() throws IOException {
        Path data = damagedDataset();
        Path csv = tmp.resolve("features.csv");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        int code;
        try {
            code = GenreBench.run("extract", "--data", data.toString(), "--out", csv.toString(), "--threads", "2");
        } finally {
            System.setErr(err);
        }
        assertEquals(1, code);
        String console = captured.toString();
        assertTrue(console.contains("blues.00030.wav") && console.contains("far outside"), console);
        assertTrue(console.contains("rock.00030.wav: truncated"), console);
        String table = Files.readString(csv);
        assertFalse(table.contains("NaN") || table.contains("Infinity"), "no non-finite feature in the table");
        assertTrue(table.contains("rock.00030.wav,") && !table.contains("rock.00031.wav") && !table.contains("blues.00030.wav"));
        assertEquals(11, table.lines().count(), "header + 9 good + the truncated one");
    }
}
