package org.genrebench.model;

/**
 * The three ways of doing the task that GenreBench compares. {@link #id()} is what reports and {@code summary.json}
 * write in their {@code family} column.
 */
public enum Family {
    /** Handcrafted features (the community table's 58) with classical machine learning. */
    CLASSICAL("classical", "handcrafted features + classical ML"),
    /** Networks trained from scratch on log-mel spectrograms. */
    FROM_SCRATCH("deep", "networks trained from scratch"),
    /** A frozen pre-trained music model's embeddings with a simple classifier (a probe) on top. */
    PRETRAINED("pretrained", "pre-trained embeddings + probe");

    private final String id;
    private final String description;

    Family(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The family whose {@link #id()} is {@code id}. */
    public static Family of(String id) {
        for (Family f : values()) if (f.id.equals(id)) return f;
        throw new IllegalArgumentException("unknown model family '" + id + "'");
    }
}
