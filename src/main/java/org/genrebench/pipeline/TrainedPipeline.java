package org.genrebench.pipeline;

import org.genrebench.audio.AudioLoader;
import org.genrebench.util.UserException;

import java.nio.file.Path;
import java.util.List;

/** A fitted {@link Pipeline} with the genre names its class indices stand for: what a model file holds. */
public record TrainedPipeline(Pipeline<?> pipeline, List<String> classNames) {
    public TrainedPipeline {
        classNames = List.copyOf(classNames);
    }

    /** Song probabilities of one audio file, indexed like {@link #classNames}. */
    public double[] predict(Path audio) {
        float[] y = AudioLoader.load(audio).samples();
        if (y.length == 0) throw new UserException("cannot read audio file " + audio + ": no samples");
        try {
            return pipeline.songProbabilities(y, classNames.size());
        } catch (UserException e) { // e.g. a clip too short for the model's input: name the file
            throw new UserException(audio + ": " + e.getMessage(), e);
        }
    }
}
