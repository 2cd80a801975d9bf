package org.genrebench.cli;

import me.tongfei.progressbar.ProgressBar;
import org.genrebench.dataset.AudioDataset;
import org.genrebench.dataset.cache.ArrayCache;
import org.genrebench.experiment.AudioPreparation;
import org.genrebench.experiment.PreparedDataset;
import org.genrebench.experiment.Skipped;
import org.genrebench.pipeline.InputSettings;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The CLI side of preparing an audio dataset: a progress bar, and every skipped input named on the console. */
final class AudioDatasets {
    private AudioDatasets() {
    }

    static PreparedDataset prepare(String name, String description, AudioDataset scan, InputSettings settings,
                                   Path cacheDir, int threads, PrintWriter out) {
        AudioPreparation prep = new AudioPreparation(new ArrayCache(cacheDir), settings, threads);
        PreparedDataset prepared;
        try (ProgressBar bar = ConsoleProgress.bar("extract", scan.tracks().size())) {
            prepared = prep.prepare(name, description, scan.tracks(), (track, cached) -> bar.step());
        }
        prepared = prepared.withMoreSkipped(scan.excluded().stream().map(p -> new Skipped(p.file(), p.reason())).toList());
        for (Skipped s : prepared.skipped()) out.println("skipped: " + s);
        out.flush();
        return prepared;
    }
}
