package org.genrebench.experiment;

import org.genrebench.catalog.ModelRegistry;
import org.genrebench.dataset.FeatureTable;
import org.genrebench.model.Family;
import org.genrebench.util.UserException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which models a run on feature and embedding tables can serve, and how: the classical models read a community
 * table, a pre-trained model an embedding table of its own model (at that table's layer). Networks need audio.
 *
 * @param models the models to run, in the order asked
 * @param params the layer of each pre-trained model, taken from its table
 */
public record TableInputs(List<String> models, Map<String, Map<String, String>> params) {

    /**
     * @param asked    the models of {@code --models} (or the defaults)
     * @param explicit whether the user named them: then one that no table feeds is an error, else it is left out
     */
    public static TableInputs of(List<FeatureTable> tables, List<String> asked, boolean explicit) {
        boolean features = tables.stream().anyMatch(t -> !t.isEmbedding());
        Map<String, String> layerOf = new TreeMap<>(); // pre-trained model -> the layer its table holds
        for (FeatureTable t : tables) {
            if (!t.isEmbedding()) continue;
            String[] modelLayer = t.embedding().split(":", 2);
            if (!ModelRegistry.allNames().contains(modelLayer[0]) || ModelRegistry.entry(modelLayer[0]).family() != Family.PRETRAINED) {
                throw new UserException(t.source() + " holds embeddings of '" + modelLayer[0] + "', which is not a pre-trained model of the catalogue ("
                        + String.join(",", ModelRegistry.of(Family.PRETRAINED).stream().map(ModelRegistry.Entry::name).toList()) + ")");
            }
            if (layerOf.put(modelLayer[0], modelLayer[1]) != null) {
                throw new UserException(t.source() + ": two tables of " + modelLayer[0] + "; give one layer per model");
            }
        }
        List<String> models = new ArrayList<>();
        List<String> unfed = new ArrayList<>();
        for (String m : asked) {
            Family family = ModelRegistry.entry(m).family();
            boolean fed = family == Family.CLASSICAL ? features : family == Family.PRETRAINED && layerOf.containsKey(m);
            (fed ? models : unfed).add(m);
        }
        // Asked for by default, a pre-trained model with a table runs even when the default list does not name it.
        if (!explicit) layerOf.keySet().stream().filter(m -> !models.contains(m)).forEach(models::add);
        if (explicit && !unfed.isEmpty()) {
            throw new UserException(String.join(",", unfed) + (unfed.size() == 1 ? " reads" : " read") + " inputs none of the tables holds"
                    + " (networks need audio: --data DIR; a pre-trained model needs audio or an embedding table of its own)");
        }
        if (models.isEmpty()) throw new UserException("none of the models " + String.join(",", asked) + " reads these tables");
        Map<String, Map<String, String>> params = new TreeMap<>();
        layerOf.forEach((m, layer) -> {
            if (models.contains(m)) params.put(m, Map.of("layer", layer));
        });
        return new TableInputs(List.copyOf(models), params);
    }
}
