package org.genrebench.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The mel windows of a prepared dataset, collected track by track: in the heap while they fit a budget, otherwise
 * written once to a float32 file and read back on each access, so that a dataset of any size trains and predicts
 * within a bounded heap. The file is read with positional reads (not memory-mapped), so its pages stay in the
 * operating system's file cache rather than in the process; it is deleted when the JVM ends. Both forms give the
 * same floats, so results do not depend on which one a run used.
 */
public final class MelWindowStore {
    /** System property: bytes of windows kept in the heap before they go to disk (default: a quarter of the heap). */
    public static final String MEMORY_PROPERTY = "genrebench.windowMemory";

    private final long budgetBytes;
    private final Path spillDir;
    private final List<float[]> inMemory = new ArrayList<>();
    private final List<String> songIds = new ArrayList<>(), groupIds = new ArrayList<>(), labels = new ArrayList<>();
    private int length = -1;
    private FileChannel file;
    private long bytes;
    private long written;

    /** Windows up to {@code budgetBytes} stay in the heap; beyond that all go to a file in {@code spillDir}. */
    public MelWindowStore(long budgetBytes, Path spillDir) {
        this.budgetBytes = budgetBytes;
        this.spillDir = spillDir;
    }

    /** The budget of {@link #MEMORY_PROPERTY}, else a quarter of the maximum heap. */
    public static long defaultBudget() {
        String value = System.getProperty(MEMORY_PROPERTY);
        return value == null ? Runtime.getRuntime().maxMemory() / 4 : Long.parseLong(value.strip());
    }

    /** Adds the windows of one song, whose class is resolved by name in {@link #samples}. */
    public void add(float[][] windows, String songId, String groupId, String label) {
        for (float[] w : windows) {
            if (length < 0) length = w.length;
            if (w.length != length) throw new IllegalArgumentException("window of " + w.length + " values, expected " + length);
            if (file == null && bytes + 4L * length > budgetBytes) spill();
            if (file != null) write(w);
            else inMemory.add(w);
            bytes += 4L * length;
            songIds.add(songId);
            groupIds.add(groupId);
            labels.add(label);
        }
    }

    /** Whether the windows are on disk. */
    public boolean onDisk() {
        return file != null;
    }

    /** Every window as a sample, labelled by {@code classIndex}; read from disk on each {@code get} when spilled. */
    public List<Sample<float[]>> samples(Map<String, Integer> classIndex) {
        int n = songIds.size();
        int[] label = new int[n];
        for (int i = 0; i < n; i++) label[i] = classIndex.get(labels.get(i));
        List<String> songs = List.copyOf(songIds), groups = List.copyOf(groupIds);
        if (file == null) {
            List<Sample<float[]>> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(new Sample<>(inMemory.get(i), songs.get(i), groups.get(i), label[i]));
            return List.copyOf(out);
        }
        return new OnDisk(file, length, songs, groups, label);
    }

    /** Moves what is in the heap to a new file; every later window is appended to it. */
    private void spill() {
        try {
            Files.createDirectories(spillDir);
            Path path = Files.createTempFile(spillDir, "mel-windows-", ".f32");
            file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
            try {
                Files.delete(path); // POSIX keeps the open file; nothing is left behind even if the JVM is killed
            } catch (IOException e) {
                // (Windows) DELETE_ON_CLOSE removes it when the JVM ends
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a mel-window file in " + spillDir, e);
        }
        for (float[] w : inMemory) write(w);
        inMemory.clear();
    }

    private void write(float[] window) {
        ByteBuffer buf = ByteBuffer.allocate(4 * window.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(window);
        long at = written * 4 * length;
        written++;
        try {
            while (buf.hasRemaining()) at += file.write(buf, at);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write mel windows (disk full?)", e);
        }
    }

    /** Samples whose inputs are read from the file on each access (thread-safe: positional reads). */
    private static final class OnDisk extends AbstractList<Sample<float[]>> implements RandomAccess {
        private final FileChannel file;
        private final int length;
        private final List<String> songIds, groupIds;
        private final int[] labels;
        private final ThreadLocal<ByteBuffer> buffers;

        OnDisk(FileChannel file, int length, List<String> songIds, List<String> groupIds, int[] labels) {
            this.file = file;
            this.length = length;
            this.songIds = songIds;
            this.groupIds = groupIds;
            this.labels = labels;
            this.buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(4 * length).order(ByteOrder.LITTLE_ENDIAN));
        }

        @Override
        public Sample<float[]> get(int i) {
            return Sample.reading(() -> read(i), songIds.get(i), groupIds.get(i), labels[i]);
        }

        private float[] read(int i) {
            ByteBuffer buf = buffers.get().clear();
            long at = (long) i * 4 * length;
            try {
                while (buf.hasRemaining()) {
                    int n = file.read(buf, at + buf.position());
                    if (n < 0) throw new IOException("mel-window file ends before window " + i);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read mel window " + i, e);
            }
            float[] window = new float[length];
            buf.flip().asFloatBuffer().get(window);
            return window;
        }

        @Override
        public int size() {
            return labels.length;
        }

        @Override
        public String toString() {
            return size() + " mel windows on disk";
        }
    }

    @Override
    public String toString() {
        return songIds.size() + " mel windows " + (onDisk() ? "on disk" : "in memory");
    }
}
