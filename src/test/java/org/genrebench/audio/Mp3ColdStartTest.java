package org.genrebench.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The first mp3s of a process decode on several worker threads at once (extract and compare prepare tracks in
 * parallel). JLayer fills some static tables lazily and publishes them before they are filled, so a cold start is a
 * race unless {@link Mp3Decoding} fills them first. A cold start needs classes never initialised: each attempt loads
 * GenreBench's audio classes and JLayer anew in a class loader of its own.
 */
class Mp3ColdStartTest {
    private static final int ATTEMPTS = 40;
    private static final int THREADS = 8;

    @Test
    void severalThreadsDecodeTheirFirstMp3AtOnce(@TempDir Path tmp) throws Exception {
        // the race is in the first frame: the first 4 KB of a song (a few frames) keep each attempt short
        byte[] song = Files.readAllBytes(Path.of("src/test/resources/audio/song-44k-stereo.mp3"));
        Path mp3 = Files.write(tmp.resolve("start.mp3"), Arrays.copyOf(song, 4096));
        int samples = AudioReader.read(mp3).samples().length;
        URL[] classPath = {codeSource(AudioReader.class), codeSource(javazoom.jl.decoder.Decoder.class)};
        List<String> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                try (URLClassLoader fresh = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
                    Method read = fresh.loadClass(AudioReader.class.getName()).getMethod("read", Path.class);
                    Method length = fresh.loadClass(AudioClip.class.getName()).getMethod("samples");
                    CyclicBarrier start = new CyclicBarrier(THREADS);
                    List<Future<String>> decodes = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        decodes.add(pool.submit(() -> {
                            start.await();
                            try {
                                int n = ((float[]) length.invoke(read.invoke(null, mp3))).length;
                                return n == samples ? null : n + " samples instead of " + samples;
                            } catch (InvocationTargetException e) {
                                return String.valueOf(e.getCause());
                            }
                        }));
                    }
                    for (Future<String> d : decodes) if (d.get() != null) failures.add("attempt " + attempt + ": " + d.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + ATTEMPTS * THREADS + " cold decodes failed, e.g. " + failures.getFirst());
    }

    private static URL codeSource(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }
}
