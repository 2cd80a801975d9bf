package org.genrebench.cli;

import org.genrebench.catalog.ModelRegistry;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Iterator;

/**
 * The catalogue's model names for picocli: {@code ${COMPLETION-CANDIDATES}} in help texts, and {@code --models}'
 * default (the models the catalogue marks as default), so no command spells the list out.
 */
final class ModelNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return ModelRegistry.allNames().iterator();
    }

    /** The classifiers a pre-trained model can take as its probe ({@code --probe}). */
    static final class Probes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ModelRegistry.probeNames().iterator();
        }
    }

    /** {@code --models} defaults to the catalogue's default models. */
    static final class Defaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec arg) {
            return arg instanceof OptionSpec o && o.longestName().equals("--models") ? String.join(",", ModelRegistry.defaultNames()) : null;
        }
    }
}
