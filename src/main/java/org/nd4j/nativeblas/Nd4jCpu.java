package org.nd4j.nativeblas;

import java.lang.reflect.Method;

/**
 * Compatibility shim, not part of nd4j. DL4J 1.0.0-M2.1 decides whether its oneDNN layer helpers
 * (convolution, pooling, batch norm) may run by calling, reflectively,
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} ({@code BaseMKLDNNHelper}).
 * nd4j 1.0.0-M2.1 moved that class to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and
 * renamed the method {@code isUseONEDNN()}, so the lookup always fails and DL4J silently falls back to its slow
 * im2col + GEMM convolution even in nd4j's oneDNN build. This class answers the old lookup from the new one.
 * With a backend that is not nd4j-native (CUDA) or a build without oneDNN it answers {@code false}, which is
 * what DL4J would have concluded anyway.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** Stand-in for the pre-M2 {@code Nd4jCpu.Environment}; only what {@code BaseMKLDNNHelper} calls. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();
        private static final String CURRENT = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            try {
                Class<?> env = Class.forName(CURRENT);
                Object instance = env.getMethod("getInstance").invoke(null);
                Method useOneDnn = env.getMethod("isUseONEDNN");
                return (Boolean) useOneDnn.invoke(instance);
            } catch (ReflectiveOperationException | LinkageError e) {
                return false;
            }
        }
    }
}
