package org.genrebench.model.deep.cpu;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The one entry point to this package's CPU workarounds for DL4J {@value #DL4J_VERSION}: its oneDNN layer
 * helpers switched on (with the {@code org.nd4j.nativeblas.Nd4jCpu} shim that lets DL4J find oneDNN), the Java
 * batch-norm helper (set through the {@code BatchNormHelperAccess} shim in DL4J's package), the fused batch-norm +
 * ReLU + max-pool layer, the Java convolutions, the average-pool stem and their Java/Vector API
 * kernels.
 *
 * <p>They are written against nd4j's CPU backend and this DL4J version's internals (package-private fields,
 * reflective lookups). {@link #active()} is false under any other backend (the {@code cuda} profile) or another
 * DL4J version; the networks are then built from DL4J's stock layers and the installer changes nothing but the
 * data type and thread settings. {@code CpuWorkaroundsTest} fails when oneDNN is not actually in use or the DL4J
 * version on the class path is not the one these were written for.
 */
public final class CpuWorkarounds {
    /** The DL4J release whose internals the workarounds rely on. */
    public static final String DL4J_VERSION = "1.0.0-M2.1";
    /** nd4j's CPU backend (nd4j-native); the workarounds copy activations to Java arrays, pointless on a GPU. */
    public static final String CPU_BACKEND = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";

    /**
     * JavaCPP's check of the process's resident memory before each native allocation (a /proc read, 9 % of crnn's
     * step in JFR); 0 turns it off. JavaCPP's own cap on the bytes it tracks ({@code maxBytes}, the heap size by default)
     * still triggers garbage collection. Read once when JavaCPP's {@code Pointer} class loads, so set here, where
     * every network path passes before it touches nd4j ({@link #active()}, {@link #install}).
     */
    public static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    static {
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) System.setProperty(MAX_PHYSICAL_BYTES, "0");
    }

    private CpuWorkarounds() {
    }

    /**
     * Process-wide set-up before networks are built or loaded: float32 everywhere, DL4J's layer helpers on, and
     * {@code threads > 0} OpenMP/BLAS threads for nd4j (0 keeps nd4j's own choice).
     */
    public static void install(int threads) {
        Nd4jRuntime.configure(threads);
    }

    /** Whether the workarounds run here: nd4j's CPU backend and DL4J {@value #DL4J_VERSION}. */
    public static boolean active() {
        return Holder.ACTIVE;
    }

    /** Makes a built or loaded network ready to run here (the Java batch norm when {@link #active()}). */
    public static MultiLayerNetwork prepare(MultiLayerNetwork network) {
        return active() ? Nd4jRuntime.prepare(network) : network;
    }

    /** The backend, DL4J version and native build in use, for benchmark reports. */
    public static String describe() {
        return "backend=" + backend() + ", dl4j=" + dl4jVersion() + ", workarounds=" + active()
                + (active() ? ", " + Nd4jRuntime.describe() : "");
    }

    /** The class name of the nd4j backend that was loaded. */
    public static String backend() {
        return Nd4j.getBackend().getClass().getName();
    }

    /** The deeplearning4j-nn version on the class path, from its Maven metadata ("unknown" without it). */
    public static String dl4jVersion() {
        try (InputStream in = MultiLayerNetwork.class.getResourceAsStream(
                "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {
        static final boolean ACTIVE = CPU_BACKEND.equals(backend()) && DL4J_VERSION.equals(dl4jVersion());
    }
}
