package org.genrebench.experiment;

import org.genrebench.dataset.AudioDataset;
import org.genrebench.dataset.cache.ArrayCache;
import org.genrebench.pipeline.InputSettings;

import java.nio.file.Path;

/** A scanned audio dataset turned into model inputs, with a progress counter and every skipped input named. */
public final class PreparedAudio {
    private PreparedAudio() {
    }

    public static PreparedDataset prepare(String name, String description, AudioDataset scan, InputSettings settings,
                                          Path cacheDir, int threads, RunConsole console) {
        AudioPreparation prep = new AudioPreparation(new ArrayCache(cacheDir), settings, threads);
        PreparedDataset prepared;
        try (RunConsole.Progress progress = console.progress("extract", scan.tracks().size())) {
            prepared = prep.prepare(name, description, scan.tracks(), (track, cached) -> progress.step());
        }
        prepared = prepared.withMoreSkipped(scan.excluded().stream().map(p -> new Skipped(p.file(), p.reason())).toList());
        for (Skipped s : prepared.skipped()) console.out().println("skipped: " + s);
        console.out().flush();
        return prepared;
    }
}
