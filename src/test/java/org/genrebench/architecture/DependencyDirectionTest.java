package org.genrebench.architecture;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dependencies run one way: the command line and the pipelines reach the networks only through the catalogue
 * ({@code catalog.ModelRegistry}), and the report reads model families from {@code model.Family}, not the catalogue.
 */
class DependencyDirectionTest {
    /** (package, a package it must not depend on). */
    private static final List<List<String>> FORBIDDEN = List.of(
            List.of("org.genrebench.cli", "org.genrebench.model.deep"),
            List.of("org.genrebench.cli", "org.genrebench.model.deep.cpu"),
            List.of("org.genrebench.pipeline", "org.genrebench.model.deep"),
            List.of("org.genrebench.report", "org.genrebench.catalog"));

    @Test
    void noForbiddenDependency() {
        Map<String, Set<String>> graph = PackageCyclesTest.dependencies();
        assertTrue(graph.getOrDefault("org.genrebench.catalog", Set.of()).contains("org.genrebench.model.deep"),
                "jdeps output was read: " + graph);
        assertEquals(List.of(), violations(graph), "dependencies against the direction");
    }

    @Test
    void theCheckFindsAForbiddenDependency() {
        assertEquals(List.of(List.of("org.genrebench.cli", "org.genrebench.model.deep")),
                violations(Map.of("org.genrebench.cli", Set.of("org.genrebench.model.deep", "org.genrebench.catalog"))));
    }

    private static List<List<String>> violations(Map<String, Set<String>> graph) {
        return FORBIDDEN.stream().filter(rule -> graph.getOrDefault(rule.get(0), Set.of()).contains(rule.get(1))).toList();
    }
}
