package org.genrebench.dataset.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ArrayCacheTest {

    @Test
    void roundTripsAndKeysOnContentAndParameters(@TempDir Path tmp) throws Exception {
        Path a = Files.write(tmp.resolve("a.wav"), new byte[]{1, 2, 3});
        Path renamed = Files.write(tmp.resolve("b.wav"), new byte[]{1, 2, 3});
        Path other = Files.write(tmp.resolve("c.wav"), new byte[]{1, 2, 4});
        assertEquals(ArrayCache.key(a, "p"), ArrayCache.key(renamed, "p"), "same bytes, same key");
        assertNotEquals(ArrayCache.key(a, "p"), ArrayCache.key(other, "p"));
        assertNotEquals(ArrayCache.key(a, "p"), ArrayCache.key(a, "q"));

        ArrayCache cache = new ArrayCache(tmp.resolve("cache"));
        String key = ArrayCache.key(a, "p");
        assertTrue(cache.get(key).isEmpty());
        cache.put(key, new float[]{0.5f, -1f, Float.MAX_VALUE});
        assertArrayEquals(new float[]{0.5f, -1f, Float.MAX_VALUE}, cache.get(key).orElseThrow());
    }

    @Test
    void damagedEntryIsAMiss(@TempDir Path tmp) throws Exception {
        ArrayCache cache = new ArrayCache(tmp);
        String key = "ab" + "0".repeat(62);
        cache.put(key, new float[]{1, 2, 3, 4});
        Path entry = tmp.resolve("ab").resolve(key + ".f32");
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 3)); // as if truncated
        assertTrue(cache.get(key).isEmpty());
    }
}
