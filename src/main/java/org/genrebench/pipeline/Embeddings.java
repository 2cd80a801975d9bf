package org.genrebench.pipeline;

import org.genrebench.audio.AudioClip;
import org.genrebench.audio.AudioLoader;
import org.genrebench.audio.Resampling;
import org.genrebench.feature.MinimumClip;
import org.genrebench.feature.MusicnnInput;
import org.genrebench.feature.SpectralParams;
import org.genrebench.model.pretrained.MusicnnModel;
import org.genrebench.model.pretrained.MusicnnWeights;
import org.genrebench.util.UserException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Patch embeddings of a clip with a frozen pre-trained model: musicnn's input patches ({@link MusicnnInput}) through
 * the model to one feature layer. Each model file is loaded once per process; the folder it is read from is
 * {@value #DIRECTORY_PROPERTY} (a system property), else {@link MusicnnWeights#directory}'s rule.
 */
public final class Embeddings {
    /** System property naming the folder of the musicnn model files (tests point it at ../shared/models/musicnn). */
    public static final String DIRECTORY_PROPERTY = MusicnnWeights.DIRECTORY_PROPERTY;
    private static final Map<MusicnnWeights, MusicnnModel> LOADED = new ConcurrentHashMap<>();
    private static final ThreadLocal<MusicnnInput> INPUTS = ThreadLocal.withInitial(MusicnnInput::new);

    /** The pseudo-layer of the network's own input: the log-mel patches (187 × 96 values each). */
    public static final String INPUT = "input";

    private Embeddings() {
    }

    /** The model file behind catalogue name {@code model} ({@code msd-musicnn} → {@code MSD_musicnn.h5}). */
    public static MusicnnWeights weights(String model) {
        try {
            return MusicnnWeights.valueOf(model.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UserException("unknown pre-trained model '" + model + "'");
        }
    }

    /** The loaded model {@code model}, from the models folder; a missing file names the command that fetches it. */
    public static MusicnnModel model(String model) {
        MusicnnWeights w = weights(model);
        MusicnnModel loaded = LOADED.get(w);
        if (loaded != null) return loaded;
        return LOADED.computeIfAbsent(w, x -> MusicnnModel.load(x, MusicnnWeights.configuredDirectory()));
    }

    /** Frames between patch starts for a hop of {@code seconds} (3: musicnn's default, no overlap; 1: its input_overlap=1). */
    static int hopFrames(int seconds) {
        return switch (seconds) {
            case 3 -> MusicnnInput.PATCH_FRAMES;
            case 1 -> MusicnnInput.OVERLAP_HOP;
            default -> throw new IllegalArgumentException("patch hop must be 1 or 3 s, got " + seconds);
        };
    }

    /** Key of these rows in the feature cache: the model by checksum, the layer, the hop and the input recipe. */
    static String cacheKey(EmbeddingPatches view) {
        return "embedding/v1/" + weights(view.model()).sha256().hex() + "/" + view.layer() + "/hop=" + hopFrames(view.hopSeconds())
                + "/" + MusicnnInput.ID + "/from sr=" + AudioLoader.DEFAULT_SAMPLE_RATE + "/" + Resampling.ID;
    }

    /**
     * Every patch's layer values, one row after another: the cached form. {@code y} is the clip at
     * {@value AudioLoader#DEFAULT_SAMPLE_RATE} Hz, musicnn's recipe resamples it to 16 kHz (for GTZAN, whose files are at
     * that rate, this is musicnn's own input). A clip shorter than one 3-s patch is a user error.
     */
    static float[] flat(EmbeddingPatches view, float[] y) {
        MinimumClip.require(y.length, AudioLoader.DEFAULT_SAMPLE_RATE, 0, MinimumClip.defaultWindowSamples(SpectralParams.DEFAULT));
        float[][] patches = INPUTS.get().patches(new AudioClip(y, AudioLoader.DEFAULT_SAMPLE_RATE, null), hopFrames(view.hopSeconds()));
        if (patches.length == 0) throw new UserException("clip of " + y.length + " samples holds no 3-s musicnn patch");
        // layer "input": the patches themselves, for a model that trains the network (fine-tuning)
        float[][] rows = view.layer().equals(INPUT) ? patches : model(view.model()).embed(patches, view.layer());
        float[] out = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, out, i * rows[0].length, rows[0].length);
        return out;
    }

    /** The rows of a {@link #flat} array, as model inputs. */
    static double[][] unflatten(EmbeddingPatches view, float[] flat) {
        int width = view.layer().equals(INPUT) ? MusicnnInput.PATCH_SIZE : model(view.model()).width(view.layer());
        double[][] rows = new double[flat.length / width][width];
        for (int i = 0; i < rows.length; i++) for (int j = 0; j < width; j++) rows[i][j] = flat[i * width + j];
        return rows;
    }

}
