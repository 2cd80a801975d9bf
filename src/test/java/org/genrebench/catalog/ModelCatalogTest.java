package org.genrebench.catalog;

import org.genrebench.model.Family;
import org.genrebench.model.HyperParameter;
import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed catalogue: one declaration per model, read by the command line, the harness and the reports. */
class ModelCatalogTest {

    @Test
    void theDefaultModelsAreFiveClassicalThreeNetworksAndOnePretrained() {
        assertEquals(List.of("knn", "rf", "svm", "logreg", "mlp", "cnn", "vgg", "crnn", "msd-musicnn"), ModelRegistry.defaultNames());
        assertEquals(List.of("knn", "rf", "svm", "logreg", "mlp", "vote"), ModelRegistry.of(Family.CLASSICAL).stream().map(ModelRegistry.Entry::name).toList());
    }

    @Test
    void everyClassicalDeclarationIsWhatTheEstimatorReportsAtItsDefaults() {
        for (var entry : ModelRegistry.classical()) {
            if (entry.name().equals("vote")) continue; // the vote reports its members' parameters too
            Map<String, String> reported = entry.create(Map.of(), 1L).hyperParameters();
            for (HyperParameter p : entry.parameters()) {
                assertEquals(p.defaultValue(), reported.get(p.key()), entry.name() + "." + p.key());
            }
            assertEquals(entry.parameters().size(), reported.size(), entry.name());
        }
    }

    @Test
    void paramSettingsAreCheckedAgainstTheDeclarationAndReachTheModel() {
        Map<String, Map<String, String>> p = ModelRegistry.parameters(List.of("svm.C=3", "SVM.gamma=scale*0.5", "cnn.width=16"),
                List.of("svm", "cnn"));
        assertEquals(Map.of("svm", Map.of("C", "3", "gamma", "scale*0.5"), "cnn", Map.of("width", "16")), p);
        assertEquals("3", ModelRegistry.classical("svm").create(p.get("svm"), 1L).hyperParameters().get("C"));
        assertEquals("16", ModelRegistry.deep("cnn").create(p.get("cnn"), 1L).hyperParameters().get("width"));
    }

    @Test
    void aBadParamIsOneSentenceNamingWhatIsWrong() {
        List<String> models = List.of("svm", "knn");
        assertEquals("--param must be MODEL.KEY=VALUE (e.g. svm.C=3), got 'svmC=3'", message(List.of("svmC=3"), models));
        assertEquals("unknown model 'nope' (known: " + String.join(",", ModelRegistry.allNames()) + ")", message(List.of("nope.k=1"), models));
        assertEquals("model knn has no hyper-parameter 'K' (known: k, transform)", message(List.of("knn.K=1"), models));
        assertEquals("model knn: k must be an integer in [1, 10000], got '0'", message(List.of("knn.k=0"), models));
        assertEquals("model svm: C must be a number in [0.000001, 1000000], got 'NaN'", message(List.of("svm.C=NaN"), models));
        assertEquals("model svm: gamma must be scale, scale*F or a number > 0, got 'scale*-1'", message(List.of("svm.gamma=scale*-1"), models));
        assertEquals("--param rf.trees=5 sets a model that does not run (models: svm,knn)", message(List.of("rf.trees=5"), models));
        assertEquals("--param sets knn.k twice", message(List.of("knn.k=3", "knn.k=5"), models));
    }

    @Test
    void everyGridCandidateIsValidForItsModel() {
        for (var e : ModelRegistry.all()) {
            for (Map<String, String> candidate : e.grid()) {
                assertEquals(candidate, e.check(candidate), e.name());
            }
        }
        assertTrue(ModelRegistry.tunable(ModelRegistry.entry("svm")));
        assertTrue(!ModelRegistry.tunable(ModelRegistry.entry("cnn")));
    }

    private static String message(List<String> settings, List<String> models) {
        return assertThrows(UserException.class, () -> ModelRegistry.parameters(settings, models)).getMessage();
    }
}
