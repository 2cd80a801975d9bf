package org.genrebench.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Map;

/**
 * A fitted estimator as the model file stores it: a storage tag that names its reader, and named byte entries.
 * Smile-based models are {@link Serializable} and use {@link #JAVA_SERIAL}; networks use DL4J's own format.
 *
 * @param storage how {@link #entries} are to be read back, e.g. {@link #JAVA_SERIAL}
 * @param entries entry name → bytes; names are plain file names inside the model file
 */
public record EstimatorState(String storage, Map<String, byte[]> entries) {
    public static final String JAVA_SERIAL = "java-serial";
    private static final String SERIAL_ENTRY = "estimator.ser";

    // Only our own and Smile's classes may be deserialised from a model file.
    private static final ObjectInputFilter FILTER =
            ObjectInputFilter.Config.createFilter("org.genrebench.**;smile.**;java.**;[*;!*");

    public EstimatorState {
        entries = Map.copyOf(entries);
    }

    /** The state of a {@link Serializable} estimator: the object itself, Java-serialised. */
    public static EstimatorState serialized(GenreClassifier<?> model) throws IOException {
        if (!(model instanceof Serializable)) throw new IllegalArgumentException(model.name() + " is not Serializable");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        return new EstimatorState(JAVA_SERIAL, Map.of(SERIAL_ENTRY, bytes.toByteArray()));
    }

    /** The estimator of a {@link #JAVA_SERIAL} state, restricted to GenreBench's, Smile's and the JDK's classes. */
    public GenreClassifier<?> deserialize() throws IOException {
        byte[] bytes = entry(SERIAL_ENTRY);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(FILTER);
            return (GenreClassifier<?>) in.readObject();
        } catch (ClassNotFoundException | ClassCastException | java.io.InvalidClassException e) {
            throw new IOException("the estimator cannot be restored (" + e.getMessage() + "); it was saved by another version of GenreBench", e);
        }
    }

    /** One entry, or an {@link IOException} naming it when the file lacks it. */
    public byte[] entry(String name) throws IOException {
        byte[] bytes = entries.get(name);
        if (bytes == null) throw new IOException("missing entry " + name);
        return bytes;
    }
}
