package org.genrebench.model;

import org.genrebench.util.AtomicFiles;

import org.genrebench.util.UserException;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model files: a small header (magic, format tag, model name) followed by the format's payload, so that
 * {@link #load} can pick the right reader and reject foreign files with a clear message.
 * Built in: {@code java-serial} (Smile models are {@link Serializable}); deep models register their own format.
 */
public final class ModelStore {
    private static final String MAGIC = "GENREBENCH-MODEL";
    private static final int VERSION = 1;
    public static final String JAVA_SERIAL = "java-serial";

    /** Reads a payload written under one format tag. */
    @FunctionalInterface
    public interface Reader {
        GenreClassifier<?> read(InputStream payload, String modelName) throws IOException;
    }

    /** Writes a payload. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream payload) throws IOException;
    }

    private static final Map<String, Reader> READERS = new ConcurrentHashMap<>(Map.of(JAVA_SERIAL, ModelStore::readSerial));

    // Only our own and Smile's classes may be deserialised from a model file.
    private static final ObjectInputFilter FILTER =
            ObjectInputFilter.Config.createFilter("org.genrebench.**;smile.**;java.**;[*;!*");

    private ModelStore() {
    }

    /** Lets another model family (e.g. DL4J) add its format. */
    public static void register(String format, Reader reader) {
        READERS.put(format, reader);
    }

    /** Writes header and payload atomically (temp file + rename), so a crash never leaves half a model. */
    public static void save(Path file, String format, String modelName, Writer payload) throws IOException {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(format);
            out.writeUTF(modelName);
            payload.write(out);
            out.flush();
        });
    }

    /** Saves a {@link Serializable} model with Java serialisation. */
    public static void saveSerial(Path file, GenreClassifier<?> model) throws IOException {
        if (!(model instanceof Serializable)) throw new IllegalArgumentException(model.name() + " is not Serializable");
        save(file, JAVA_SERIAL, model.name(), out -> {
            ObjectOutputStream oos = new ObjectOutputStream(out);
            oos.writeObject(model);
            oos.flush();
        });
    }

    public static GenreClassifier<?> load(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic;
            try {
                magic = in.readUTF();
            } catch (IOException e) {
                magic = "";
            }
            if (!MAGIC.equals(magic)) throw new UserException(file + " is not a GenreBench model file");
            int version = in.readInt();
            if (version != VERSION) throw new UserException(file + ": model file version " + version + " is not supported");
            String format = in.readUTF();
            String name = in.readUTF();
            Reader reader = READERS.get(format);
            if (reader == null) throw new UserException(file + ": unknown model format '" + format + "'");
            return reader.read(in, name);
        } catch (IOException e) {
            throw new UserException("cannot read model " + file + ": " + e.getMessage(), e);
        }
    }

    private static GenreClassifier<?> readSerial(InputStream in, String name) throws IOException {
        ObjectInputStream ois = new ObjectInputStream(in);
        ois.setObjectInputFilter(FILTER);
        try {
            return (GenreClassifier<?>) ois.readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("model '" + name + "' cannot be restored: " + e.getMessage(), e);
        }
    }
}
