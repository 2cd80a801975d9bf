package org.genrebench.cli;

import org.genrebench.audio.AudioLoader;
import org.genrebench.dataset.AudioDataset;
import org.genrebench.util.UserException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code --data} and {@code --metadata}, declared once for {@code extract}, {@code compare} and {@code train}, which
 * read a dataset the same way. {@code --data} is optional here because {@code compare} has defaults; the commands
 * without one call {@link #required()}.
 */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR|FILE.csv",
            description = "Audio dataset, repeatable (the sources are combined): a folder of <genre>/ folders (label = folder,"
                    + " song = file, any name; GTZAN's genres/ or genres_original/ inside is found), an FMA audio folder, or a"
                    + " manifest CSV path,label[,group]; resampled to " + AudioLoader.DEFAULT_SAMPLE_RATE + " Hz when needed. Required by extract and train.")
    List<Path> sources;

    @Option(names = "--metadata", paramLabel = "FILE",
            description = "FMA's tracks.csv for an FMA audio folder (default: DIR/../fma_metadata/tracks.csv).")
    Path metadata;

    /** The sources, each checked to exist; a user error when {@code --data} is missing. */
    List<Path> required() {
        if (sources == null) throw new UserException("missing required option --data DIR|FILE.csv");
        checkExisting();
        return sources;
    }

    /** Every source given exists (nothing to check when {@code --data} is absent). */
    void checkExisting() {
        OptionChecks.existing("--data", sources);
    }

    /**
     * The files {@code scan} of {@code --data} reads: manifests and tracks (files it left out are not read; those named
     * like audio are refused as outputs by their name).
     */
    List<Path> inputFiles(AudioDataset scan) {
        List<Path> files = new java.util.ArrayList<>();
        if (sources != null) sources.stream().filter(java.nio.file.Files::isRegularFile).forEach(files::add);
        scan.tracks().forEach(t -> files.add(t.source()));
        return files;
    }

    /** The dataset of the required {@code --data}, with {@code --metadata} for FMA folders. */
    AudioDataset load() {
        return AudioDataset.load(required(), Optional.ofNullable(metadata));
    }
}
