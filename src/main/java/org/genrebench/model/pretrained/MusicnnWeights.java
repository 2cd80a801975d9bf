package org.genrebench.model.pretrained;

import org.genrebench.dataset.download.Checksum;
import org.genrebench.dataset.download.RemoteFile;
import org.genrebench.util.UserException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The four pre-trained musicnn models of Pons &amp; Serra (ISMIR 2019 LBD, ISC licence) as Keras 2.2.4 HDF5 files:
 * trained on the Million Song Dataset (MSD, 50 last.fm tags) or MagnaTagATune (MTT, 50 tags), each as the
 * musically motivated {@code musicnn} and the 5-layer {@code vgg} baseline. File names, sizes and SHA-256 sums as
 * published with the Keras port ({@code github.com/Quint-e/musicnn_keras}, {@code keras_checkpoints/}).
 */
public enum MusicnnWeights {
    MSD_MUSICNN("MSD_musicnn", Architecture.MUSICNN, Tags.MSD, "412a832c8527a813e084ba6f2cc7d068ecbbf1b68bda8c1de2e7de0d1f5fe7d1"),
    MTT_MUSICNN("MTT_musicnn", Architecture.MUSICNN, Tags.MTT, "1a66a2e58e862e894c088bd7789b05874becf994f275c54d9575dab83fab4ebe"),
    MSD_VGG("MSD_vgg", Architecture.VGG, Tags.MSD, "1ec4ee44cbba8c3132c08826f57e84e8b4fc32baddbba65a0bc0670b14f902e8"),
    MTT_VGG("MTT_vgg", Architecture.VGG, Tags.MTT, "52093b533665403c182b3e9cb552ccf09cb90d8c0c7e9d531159c2369b53b548");

    /** The network of a model file. */
    public enum Architecture {
        /** Timbral and temporal front end, residual 1-D mid end, max + mean pooling, dense back end (792 079 parameters). */
        MUSICNN,
        /** Five 3×3 conv + max-pool blocks and one dense layer (607 030 parameters). */
        VGG
    }

    /** Where the files are published: the raw files of the Keras port's repository. */
    public static final String BASE_URL = "https://github.com/Quint-e/musicnn_keras/raw/master/musicnn_keras/keras_checkpoints/";
    /** Environment variable naming the folder the models are read from (default {@link #DEFAULT_DIRECTORY}). */
    public static final String DIRECTORY_ENV = "GENREBENCH_MUSICNN_MODELS";
    /** Where the models are looked for when nothing else is said: {@code data/models/musicnn} under the working folder. */
    public static final Path DEFAULT_DIRECTORY = Path.of("data", "models", "musicnn");
    /** The command that fetches the files (shown when one is missing). */
    public static final String DOWNLOAD_COMMAND = "genrebench download musicnn --to ";

    private final String id;
    private final Architecture architecture;
    private final List<String> tags;
    private final Checksum sha256;

    MusicnnWeights(String id, Architecture architecture, List<String> tags, String sha256) {
        this.id = id;
        this.architecture = architecture;
        this.tags = tags;
        this.sha256 = Checksum.sha256(sha256);
    }

    /** musicnn's name of the model, e.g. {@code MSD_musicnn}. */
    public String id() {
        return id;
    }

    public String fileName() {
        return id + ".h5";
    }

    public URI url() {
        return URI.create(BASE_URL + fileName());
    }

    /** The file to download from {@code baseUrl} (a folder URL ending in {@code /}), with its published SHA-256. */
    public RemoteFile remoteFile(String baseUrl) {
        return new RemoteFile(fileName(), URI.create(baseUrl + fileName()), sha256);
    }

    public Checksum sha256() {
        return sha256;
    }

    public Architecture architecture() {
        return architecture;
    }

    /** The 50 tags of the taggram, in the model's output order ({@code MSD_LABELS}/{@code MTT_LABELS} of musicnn). */
    public List<String> tags() {
        return tags;
    }

    /** The model named {@code name}, case-insensitive, with {@code -} or {@code _} ({@code msd-musicnn}, {@code MSD_musicnn}). */
    public static MusicnnWeights byName(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(w -> w.name().equals(key)).findFirst()
                .orElseThrow(() -> new UserException("unknown musicnn model '" + name + "'; known: "
                        + Arrays.stream(values()).map(MusicnnWeights::id).collect(Collectors.joining(", "))));
    }

    /** System property naming the models folder (before {@value #DIRECTORY_ENV}); tests point it at ../shared/models/musicnn. */
    public static final String DIRECTORY_PROPERTY = "genrebench.musicnn.models";

    /** The folder this process reads models from: {@value #DIRECTORY_PROPERTY}, else {@link #directory}'s rule. */
    public static Path configuredDirectory() {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        return directory(dir == null ? null : Path.of(dir));
    }

    /** The folder the models are read from: {@code given} if not null, else {@value #DIRECTORY_ENV}, else {@link #DEFAULT_DIRECTORY}. */
    public static Path directory(Path given) {
        if (given != null) return given;
        String env = System.getenv(DIRECTORY_ENV);
        return env != null && !env.isBlank() ? Path.of(env) : DEFAULT_DIRECTORY;
    }

    /** This model's file in {@code dir}; a missing file is a UserException naming the command that fetches it. */
    public Path file(Path dir) {
        Path file = dir.resolve(fileName());
        if (!Files.isRegularFile(file)) {
            throw new UserException("pre-trained model " + file + " not found; fetch the musicnn models with: "
                    + DOWNLOAD_COMMAND + dir);
        }
        return file;
    }

    private static final class Tags {
        static final List<String> MSD = List.of("rock", "pop", "alternative", "indie", "electronic", "female vocalists",
                "dance", "00s", "alternative rock", "jazz", "beautiful", "metal", "chillout", "male vocalists", "classic rock",
                "soul", "indie rock", "Mellow", "electronica", "80s", "folk", "90s", "chill", "instrumental", "punk", "oldies",
                "blues", "hard rock", "ambient", "acoustic", "experimental", "female vocalist", "guitar", "Hip-Hop", "70s",
                "party", "country", "easy listening", "sexy", "catchy", "funk", "electro", "heavy metal", "Progressive rock",
                "60s", "rnb", "indie pop", "sad", "House", "happy");
        static final List<String> MTT = List.of("guitar", "classical", "slow", "techno", "strings", "drums", "electronic",
                "rock", "fast", "piano", "ambient", "beat", "violin", "vocal", "synth", "female", "indian", "opera", "male",
                "singing", "vocals", "no vocals", "harpsichord", "loud", "quiet", "flute", "woman", "male vocal", "no vocal",
                "pop", "soft", "sitar", "solo", "man", "classic", "choir", "voice", "new age", "dance", "male voice",
                "female vocal", "beats", "harp", "cello", "no voice", "weird", "country", "metal", "female voice", "choral");
    }
}
