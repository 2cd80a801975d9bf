package org.genrebench.model.deep.cpu;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/** Process-wide nd4j settings the networks rely on. */
final class Nd4jRuntime {
    /** DL4J's switch for its cuDNN/oneDNN layer helpers; must be "false" before networks are built. */
    static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

    private Nd4jRuntime() {
    }

    /**
     * DL4J layer helpers on (oneDNN / cuDNN), float32 everywhere (nd4j's default floating type is float already, but a host application may change it)
     * and, when {@code threads > 0}, the number of OpenMP/BLAS threads nd4j uses. nd4j reads
     * {@code OMP_NUM_THREADS} once at start-up; this overrides it for later ops.
     */
    static synchronized void configure(int threads) {
        // DL4J 1.0.0-M2.1 ships with its layer helpers switched OFF (HelperUtils reads this property with a
        // default of "true"), so ConvolutionLayer never calls oneDNN even in nd4j's oneDNN build and falls
        // back to im2col + GEMM. Switching them on is what makes conv training fast on CPU (docs/deep-cpu-speed.md).
        // Respect an explicit -D from the user.
        if (System.getProperty(HELPERS_DISABLE) == null) {
            System.setProperty(HELPERS_DISABLE, "false");
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        if (threads > 0) {
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
        }
    }

    /** Switch for {@link JavaBatchNormHelper}: {@code -Dgenrebench.javaBatchNorm=false} keeps DL4J's own batch norm. */
    static final String JAVA_BATCH_NORM = "genrebench.javaBatchNorm";

    /**
     * Makes a built or loaded network ready to run here: its batch-norm layers get {@link JavaBatchNormHelper}
     * unless {@value #JAVA_BATCH_NORM}{@code =false}.
     */
    static MultiLayerNetwork prepare(MultiLayerNetwork network) {
        if (!"false".equalsIgnoreCase(System.getProperty(JAVA_BATCH_NORM))) JavaBatchNormHelper.install(network);
        return network;
    }

    /** Which native nd4j build was loaded, e.g. whether it has oneDNN, for benchmark reports. */
    static String describe() {
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        boolean onednn = ops.buildInfo().contains("HAVE_ONEDNN");
        return "oneDNN=" + onednn + ", binaryLevel=" + ops.binaryLevel() + ", threads="
                + Nd4j.getEnvironment().maxThreads() + ", maxPhysicalBytes=" + org.bytedeco.javacpp.Pointer.maxPhysicalBytes();
    }
}
