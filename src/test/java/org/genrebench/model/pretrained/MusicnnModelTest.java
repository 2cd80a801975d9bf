package org.genrebench.model.pretrained;

import org.genrebench.SharedData;
import org.genrebench.audio.AudioReader;
import org.genrebench.feature.MusicnnInput;
import org.genrebench.util.UserException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The four models load, give every layer in its shape, and agree with plain computations of the Keras graphs. */
class MusicnnModelTest {
    private static final Map<MusicnnWeights, MusicnnModel> MODELS = new EnumMap<>(MusicnnWeights.class);
    /** Three patches (no overlap) of each of two songs: a jazz and a classical track. */
    private static float[][] jazz, classical;

    @BeforeAll
    static void load() {
        Path dir = SharedData.musicnnModels();
        for (MusicnnWeights w : MusicnnWeights.values()) MODELS.put(w, MusicnnModel.load(w, dir));
        MusicnnInput input = new MusicnnInput();
        Path data = SharedData.dir();
        jazz = Arrays.copyOf(input.patches(AudioReader.read(data.resolve("gtzan-3genre/jazz/jazz.00011.wav")), MusicnnInput.PATCH_FRAMES), 3);
        classical = Arrays.copyOf(input.patches(AudioReader.read(data.resolve("gtzan-3genre/classical/classical.00030.wav")), MusicnnInput.PATCH_FRAMES), 3);
    }

    @Test
    void everyLayerHasItsShapeAndFiniteValues() {
        Map<String, int[]> musicnn = Map.of("timbral", new int[]{187, 408}, "temporal", new int[]{187, 153},
                "cnn1", new int[]{187, 64}, "cnn2", new int[]{187, 64}, "cnn3", new int[]{187, 64},
                "mean_pool", new int[]{753}, "max_pool", new int[]{753}, "penultimate", new int[]{200}, "taggram", new int[]{50});
        Map<String, int[]> vgg = Map.of("pool1", new int[]{92, 48, 128}, "pool2", new int[]{46, 24, 128},
                "pool3", new int[]{23, 12, 128}, "pool4", new int[]{11, 6, 128}, "pool5", new int[]{2, 1, 128}, "taggram", new int[]{50});
        for (MusicnnModel model : MODELS.values()) {
            boolean isMusicnn = model.weights().architecture() == MusicnnWeights.Architecture.MUSICNN;
            Map<String, int[]> expected = isMusicnn ? musicnn : vgg;
            assertEquals(isMusicnn ? MusicnnGraph.OUTPUTS : List.of("pool1", "pool2", "pool3", "pool4", "pool5", "taggram"), model.layers());
            Map<String, float[][]> out = model.embed(jazz, model.layers());
            for (String layer : model.layers()) {
                String what = model.weights().id() + " " + layer;
                assertArrayEquals(expected.get(layer), model.shape(layer), what);
                float[][] rows = out.get(layer);
                assertEquals(jazz.length, rows.length, what);
                for (float[] row : rows) {
                    assertEquals(model.width(layer), row.length, what);
                    for (float v : row) assertTrue(Float.isFinite(v), what);
                }
            }
            for (float[] row : out.get("taggram")) for (float p : row) assertTrue(p >= 0 && p <= 1, "probability " + p);
            assertEquals(50, model.tags().size());
        }
    }

    /** No golden data for vgg: its taggrams must at least name what the song is and agree with musicnn's. */
    @Test
    void vggTaggramsAreSane() {
        assertEquals("jazz", topTag(MODELS.get(MusicnnWeights.MSD_VGG), jazz));
        assertEquals("jazz", topTag(MODELS.get(MusicnnWeights.MSD_MUSICNN), jazz));
        assertEquals("classical", topTag(MODELS.get(MusicnnWeights.MTT_VGG), classical));
        assertEquals("classical", topTag(MODELS.get(MusicnnWeights.MTT_MUSICNN), classical));
        // the song each tag set describes best: taggrams of the two architectures go together
        assertTrue(correlation(MusicnnWeights.MSD_VGG, MusicnnWeights.MSD_MUSICNN, jazz) > 0.9);
        assertTrue(correlation(MusicnnWeights.MTT_VGG, MusicnnWeights.MTT_MUSICNN, classical) > 0.7);
        // MSD's tags have no 'classical': there vgg's first tag is among musicnn's first ten of 50
        float[] vgg = mean(MODELS.get(MusicnnWeights.MSD_VGG).taggram(classical));
        float[] musicnn = mean(MODELS.get(MusicnnWeights.MSD_MUSICNN).taggram(classical));
        int top = 0;
        for (int j = 1; j < vgg.length; j++) if (vgg[j] > vgg[top]) top = j;
        int rank = 0;
        for (float p : musicnn) if (p > musicnn[top]) rank++;
        assertTrue(rank < 10, "MSD_vgg's top tag on classical music is only number " + (rank + 1) + " for MSD_musicnn");
    }

    private static double correlation(MusicnnWeights a, MusicnnWeights b, float[][] song) {
        double r = correlation(mean(MODELS.get(a).taggram(song)), mean(MODELS.get(b).taggram(song)));
        System.out.printf("%s and %s song taggrams: correlation %.3f%n", a.id(), b.id(), r);
        return r;
    }

    private static String topTag(MusicnnModel model, float[][] patches) {
        float[] m = mean(model.taggram(patches));
        int best = 0;
        for (int j = 1; j < m.length; j++) if (m[j] > m[best]) best = j;
        return model.tags().get(best);
    }

    private static float[] mean(float[][] rows) {
        float[] m = new float[rows[0].length];
        for (float[] r : rows) for (int j = 0; j < m.length; j++) m[j] += r[j] / rows.length;
        return m;
    }

    private static double correlation(float[] a, float[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }

    /** vgg's taggram is the sigmoid of Keras's dense layer over pool5 flattened in (h, w, c) order. */
    @Test
    void vggTaggramIsTheDenseLayerOverPool5InKerasOrder() {
        MusicnnModel model = MODELS.get(MusicnnWeights.MSD_VGG);
        Map<String, float[][]> out = model.embed(jazz, List.of("pool5", "taggram"));
        float[][] kernel, bias;
        try (KerasFile file = KerasFile.open(MusicnnWeights.MSD_VGG.file(SharedData.musicnnModels()))) {
            kernel = file.weight("output", "kernel").toFloatMatrix(); // [256, 50]
            bias = new float[][]{file.weight("output", "bias").toFloatVector()};
        }
        for (int p = 0; p < jazz.length; p++) {
            for (int j = 0; j < 50; j++) {
                double z = bias[0][j];
                for (int i = 0; i < 256; i++) z += out.get("pool5")[p][i] * kernel[i][j];
                assertEquals(1 / (1 + Math.exp(-z)), out.get("taggram")[p][j], 1e-5, "patch " + p + " tag " + j);
            }
        }
    }

    /**
     * The rebuilt front end (pooling before ReLU and batch norm, negated filters where the batch norm's scale is
     * negative) against the Keras order computed plainly: batch norm of the input, zero padding, convolution, ReLU,
     * batch norm, max over frequency, for timbral filters of both signs and the temporal 128×1 filters with
     * TensorFlow's 'same' padding (63 frames before, 64 after).
     */
    @Test
    void frontEndEqualsThePlainKerasComputation() {
        MusicnnModel model = MODELS.get(MusicnnWeights.MTT_MUSICNN);
        float[][] timbral = model.embed(jazz, "timbral"), temporal = model.embed(jazz, "temporal");
        try (KerasFile file = KerasFile.open(MusicnnWeights.MTT_MUSICNN.file(SharedData.musicnnModels()))) {
            float[] inBn = bn(file, "batch_normalization");
            float[][] x = new float[187][96];
            for (int t = 0; t < 187; t++) for (int f = 0; f < 96; f++) x[t][f] = affine(jazz[0][t * 96 + f], inBn, 0);
            float[] gamma = file.weight("batch_normalization_1", "gamma").toFloatVector();
            int negative = 0, positive = 0;
            for (int c = 0; c < 204 && (negative < 6 || positive < 6); c++) {
                boolean neg = gamma[c] < 0;
                if (neg ? negative++ >= 6 : positive++ >= 6) continue;
                double expected = branch(file, "conv2d", "batch_normalization_1", x, c, 3);
                assertEquals(expected, timbral[0][100 * 408 + c], 1e-4, "timbral filter " + c + " at frame 100");
                assertEquals(branch(file, "conv2d", "batch_normalization_1", x, c, 3, 0), timbral[0][c], 1e-4, "frame 0 (padding)");
            }
            assertTrue(negative >= 6 && positive >= 6, "filters of both signs checked");
            for (int c : new int[]{0, 7, 50}) {
                assertEquals(branch(file, "conv2d_2", "batch_normalization_3", x, c, 63, 186), temporal[0][186 * 153 + c], 1e-4, "temporal filter " + c);
                assertEquals(branch(file, "conv2d_2", "batch_normalization_3", x, c, 63, 5), temporal[0][5 * 153 + c], 1e-4, "temporal filter " + c);
            }
        }
    }

    private static double branch(KerasFile file, String conv, String norm, float[][] x, int c, int padBefore) {
        return branch(file, conv, norm, x, c, padBefore, 100);
    }

    /** max over frequency of BN(ReLU(conv)) at frame t for filter c, zero padding of {@code padBefore} frames before. */
    private static double branch(KerasFile file, String conv, String norm, float[][] x, int c, int padBefore, int t) {
        float[][][][] k = kernel(file, conv);
        float b = file.weight(conv, "bias").toFloatVector()[c];
        float[] bn = bn(file, norm);
        int kh = k.length, kw = k[0].length;
        double best = Double.NEGATIVE_INFINITY;
        for (int f = 0; f + kw <= 96; f++) {
            double z = b;
            for (int i = 0; i < kh; i++) {
                int row = t + i - padBefore;
                if (row < 0 || row >= 187) continue;
                for (int j = 0; j < kw; j++) z += x[row][f + j] * k[i][j][0][c];
            }
            best = Math.max(best, affine((float) Math.max(0, z), bn, c));
        }
        return best;
    }

    private static float[][][][] kernel(KerasFile file, String conv) {
        var k = file.weight(conv, "kernel");
        long[] s = k.shape();
        float[] flat = k.dup('c').reshape(k.length()).toFloatVector();
        float[][][][] out = new float[(int) s[0]][(int) s[1]][(int) s[2]][(int) s[3]];
        int n = 0;
        for (float[][][] a : out) for (float[][] b : a) for (float[] c : b) for (int i = 0; i < c.length; i++) c[i] = flat[n++];
        return out;
    }

    /** gamma, beta, mean, variance of a Keras batch norm, concatenated. */
    private static float[] bn(KerasFile file, String layer) {
        float[] g = file.weight(layer, "gamma").toFloatVector(), b = file.weight(layer, "beta").toFloatVector(),
                m = file.weight(layer, "moving_mean").toFloatVector(), v = file.weight(layer, "moving_variance").toFloatVector();
        float[] all = new float[4 * g.length];
        for (int i = 0; i < g.length; i++) {
            all[4 * i] = g[i];
            all[4 * i + 1] = b[i];
            all[4 * i + 2] = m[i];
            all[4 * i + 3] = v[i];
        }
        return all;
    }

    private static float affine(float x, float[] bn, int c) {
        return (float) ((x - bn[4 * c + 2]) / Math.sqrt(bn[4 * c + 3] + 1e-3) * bn[4 * c] + bn[4 * c + 1]);
    }

    /** Both musicnn files state the graph MusicnnGraph builds; a file that differs is refused, naming the difference. */
    @Test
    void theGraphIsCheckedAgainstTheFilesModelConfig() {
        for (MusicnnWeights w : List.of(MusicnnWeights.MSD_MUSICNN, MusicnnWeights.MTT_MUSICNN)) {
            try (KerasFile file = KerasFile.open(w.file(SharedData.musicnnModels()))) {
                com.fasterxml.jackson.databind.JsonNode config = file.modelConfig();
                MusicnnGraph.requireMusicnn(config, file.file());
                for (var layer : config.path("config").path("layers")) {
                    if (layer.path("name").asText().equals("tf_op_layer_Add_1")) {
                        var inbound = (com.fasterxml.jackson.databind.node.ArrayNode) layer.path("inbound_nodes").path(0);
                        var first = inbound.remove(0);
                        inbound.add(first); // the residual's two terms swapped
                    }
                }
                UserException e = assertThrows(UserException.class, () -> MusicnnGraph.requireMusicnn(config, file.file()));
                assertEquals(file.file() + " is not a musicnn model as published: layer tf_op_layer_Add_1 has inbound "
                        + "[\"tf_op_layer_Add\",\"tf_op_layer_transpose_2\"], expected [\"tf_op_layer_transpose_2\",\"tf_op_layer_Add\"]", e.getMessage());
            }
        }
    }

    @Test
    void batchesGiveThePatchesTheirOwnValues() {
        MusicnnModel model = MODELS.get(MusicnnWeights.MSD_MUSICNN);
        float[][] patches = {jazz[0], classical[1], jazz[2], classical[0], jazz[1]};
        float[][] together = model.embed(patches, "max_pool");
        model.batchSize(2);
        try {
            float[][] inTwos = model.embed(patches, "max_pool");
            for (int p = 0; p < patches.length; p++) assertArrayEquals(together[p], inTwos[p], 1e-4f, "patch " + p);
        } finally {
            model.batchSize(MusicnnModel.DEFAULT_BATCH_SIZE);
        }
        assertEquals(0, model.embed(new float[0][], "taggram").length);
    }

    @Test
    void misuseIsRefusedWithAClearMessage(@TempDir Path dir) throws IOException {
        UserException missing = assertThrows(UserException.class, () -> MusicnnModel.load(MusicnnWeights.MSD_MUSICNN, dir));
        assertEquals("pre-trained model " + dir.resolve("MSD_musicnn.h5") + " not found; fetch the musicnn models with: genrebench download musicnn --to " + dir,
                missing.getMessage());
        Path other = Files.write(dir.resolve("MSD_musicnn.h5"), new byte[]{1, 2, 3});
        UserException wrong = assertThrows(UserException.class, () -> MusicnnModel.load(other));
        assertTrue(wrong.getMessage().startsWith(other + " is not one of the published musicnn models (SHA-256 "), wrong.getMessage());
        assertTrue(wrong.getMessage().endsWith("fetch them again with: genrebench download musicnn --to " + dir), wrong.getMessage());

        MusicnnModel model = MODELS.get(MusicnnWeights.MSD_VGG);
        assertThrows(IllegalArgumentException.class, () -> model.embed(new float[][]{new float[10]}, "taggram"));
        IllegalArgumentException layer = assertThrows(IllegalArgumentException.class, () -> model.embed(jazz, "penultimate"));
        assertTrue(layer.getMessage().contains("pool5"), layer.getMessage());
    }
}
