package org.genrebench.pipeline;

import org.genrebench.audio.AudioClip;
import org.genrebench.util.UserException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A fitted {@link Pipeline} with the genre names its class indices stand for: what a model file holds. */
public record TrainedPipeline(Pipeline<?> pipeline, List<String> classNames) {
    public TrainedPipeline {
        classNames = List.copyOf(classNames);
    }

    /**
     * Song probabilities of one audio file, indexed like {@link #classNames}, and what was wrong with the file but
     * still used (a file cut short: {@link AudioClip#usedTruncated}).
     */
    public record Prediction(double[] probabilities, Optional<String> damage) {
    }

    public Prediction predict(Path audio) {
        AudioInputs.Clip clip = AudioInputs.decode(audio);
        try {
            return new Prediction(pipeline.songProbabilities(clip.samples(), classNames.size()), clip.damage());
        } catch (UserException e) { // e.g. a clip too short for the model's input: name the file
            throw new UserException(audio + ": " + e.getMessage(), e);
        }
    }
}
