package org.genrebench.dsp;

/**
 * Whether the SIMD classes of this package ({@link VectorMedianFilter}, {@link VectorRealFft}, {@link VectorMatrix},
 * {@link VectorSpectra}, {@link LaneSums}) may be used: the
 * incubating {@code jdk.incubator.vector} module is in the boot layer (JVM run with
 * {@code --add-modules jdk.incubator.vector}) and {@code -Dgenrebench.simd=false} was not given. Check this
 * <b>before</b> touching those classes: without the module their static initialisers fail
 * ({@code NoClassDefFoundError}) instead of falling back to the scalar code. This class itself uses no Vector API type.
 */
public final class Simd {
    public static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equalsIgnoreCase(System.getProperty("genrebench.simd"));

    private Simd() {
    }
}
