package org.genrebench.dataset;

import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureTableTest {

    @Test
    void readsBothExtensionsAndMapsChunksToSongs(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("features_3_sec.csv"), """
                filename,length,a,b,label
                blues.00000.0.wav,66149,1.5,2,blues
                blues.00000.1.wav,66149,2.5,3,blues
                rock.00007.au,66149,-1,1e-3,rock
                """);
        FeatureTable t = FeatureTable.read(csv);
        assertEquals(List.of("a", "b"), t.featureNames(), "length is dropped");
        assertEquals(List.of("blues.00000", "blues.00000", "rock.00007"), t.rows().stream().map(FeatureTable.Row::songId).toList());
        assertEquals("blues.00000.1", t.rows().get(1).id());
        assertEquals(List.of("blues", "rock"), t.classNames());
        assertArrayEquals(new double[]{-1, 1e-3}, t.samples().get(2).input());
        assertEquals(1, t.samples().get(2).label());
        assertTrue(t.chunked());
    }

    @Test
    void malformedLinesNameFileAndLine(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "filename,a,label\nx.00001.wav,1,pop\nx.00002.wav,oops,pop\n");
        String msg = assertThrows(UserException.class, () -> FeatureTable.read(bad)).getMessage();
        assertTrue(msg.contains("bad.csv:3") && msg.contains("'a'") && msg.contains("oops"), msg);

        Path shortRow = Files.writeString(dir.resolve("short.csv"), "filename,a,label\nx.00001.wav,pop\n");
        msg = assertThrows(UserException.class, () -> FeatureTable.read(shortRow)).getMessage();
        assertTrue(msg.contains("short.csv:2") && msg.contains("expected 3 columns"), msg);

        Path noLabel = Files.writeString(dir.resolve("nolabel.csv"), "filename,a\n");
        assertTrue(assertThrows(UserException.class, () -> FeatureTable.read(noLabel)).getMessage().contains("nolabel.csv:1"));
    }

    @Test
    void realTableHasTheCommunitySchema() {
        Path csv = Path.of("data/features_30_sec.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(csv));
        FeatureTable t = FeatureTable.read(csv);
        assertEquals(1000, t.rows().size());
        assertEquals(57, t.featureNames().size()); // 58 minus the constant 'length'
        assertEquals(10, t.classNames().size());
    }
}
