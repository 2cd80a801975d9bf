package org.genrebench.cli;

import org.genrebench.catalog.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Lists every model by family with its hyper-parameters and defaults (set one with --param MODEL.KEY=VALUE).")
final class ModelsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        ModelRegistry.describe().forEach(out::println);
        out.println("compare runs by default: " + String.join(",", ModelRegistry.defaultNames()));
        out.flush();
    }
}
