package org.genrebench.model.deep;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/** Process-wide nd4j settings the networks rely on. */
public final class Nd4jRuntime {
    private Nd4jRuntime() {
    }

    /**
     * float32 everywhere (nd4j's default floating type is float already, but a host application may change it)
     * and, when {@code threads > 0}, the number of OpenMP/BLAS threads nd4j uses. nd4j reads
     * {@code OMP_NUM_THREADS} once at start-up; this overrides it for later ops.
     */
    public static synchronized void configure(int threads) {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        if (threads > 0) {
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
        }
    }

    /** Which native nd4j build was loaded, e.g. whether it has oneDNN, for benchmark reports. */
    public static String describe() {
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        boolean onednn = ops.buildInfo().contains("HAVE_ONEDNN");
        return "oneDNN=" + onednn + ", binaryLevel=" + ops.binaryLevel() + ", threads="
                + Nd4j.getEnvironment().maxThreads();
    }
}
