package org.deeplearning4j.nn.layers.normalization;

/**
 * Shim (like {@code org.nd4j.nativeblas.Nd4jCpu} in this source tree): DL4J 1.0.0-M2.1 picks a batch-norm helper
 * only from a fixed pair of class names (cuDNN, oneDNN), and keeps it in a package-private field. This class lives
 * in DL4J's package to set that field, so GenreBench can plug in its own CPU helper
 * ({@code org.genrebench.model.deep.cpu.JavaBatchNormHelper}).
 */
public final class BatchNormHelperAccess {
    private BatchNormHelperAccess() {
    }

    public static void setHelper(BatchNormalization layer, BatchNormalizationHelper helper) {
        layer.helper = helper;
    }

    public static BatchNormalizationHelper helper(BatchNormalization layer) {
        return layer.helper;
    }
}
