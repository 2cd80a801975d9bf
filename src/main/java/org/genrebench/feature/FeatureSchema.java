package org.genrebench.feature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The 58 feature columns of the community GTZAN table ({@code features_30_sec.csv} / {@code features_3_sec.csv}),
 * in its order, without the leading {@code filename} and trailing {@code label} columns.
 */
public final class FeatureSchema {
    /** Column names, exactly as in the community CSV header. */
    public static final List<String> COLUMNS;
    /** Number of feature columns (58). */
    public static final int SIZE;

    static {
        List<String> c = new ArrayList<>();
        c.add("length");
        for (String f : List.of("chroma_stft", "rms", "spectral_centroid", "spectral_bandwidth", "rolloff",
                "zero_crossing_rate", "harmony", "perceptr")) {
            c.add(f + "_mean");
            c.add(f + "_var");
        }
        c.add("tempo");
        for (int i = 1; i <= 20; i++) {
            c.add("mfcc" + i + "_mean");
            c.add("mfcc" + i + "_var");
        }
        COLUMNS = Collections.unmodifiableList(c);
        SIZE = c.size();
    }

    private FeatureSchema() {
    }

    /** Position of a column name in {@link #COLUMNS}, or -1. */
    public static int indexOf(String column) {
        return COLUMNS.indexOf(column);
    }

    /** The table's columns: {@code filename}, the 58 columns, {@code label}. */
    public static List<String> tableColumns() {
        List<String> all = new ArrayList<>(SIZE + 2);
        all.add("filename");
        all.addAll(COLUMNS);
        all.add("label");
        return all;
    }
}
