package org.genrebench.model.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.genrebench.util.UserException;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code *_vgg} network as DL4J's Keras import loads it (NHWC, as Keras), with the graph's outputs widened from
 * the logits to musicnn's feature layers {@code pool1} … {@code pool5} and the logits ({@code output}, a linear dense
 * layer: the taggram is its sigmoid).
 */
final class VggGraph {
    static final List<String> OUTPUTS = List.of("pool1", "pool2", "pool3", "pool4", "pool5", "output");
    static final int PARAMETERS = 607_030;
    private static final Set<String> KERAS_LAYERS = Set.of("bn_input", "1CNN", "2CNN", "3CNN", "4CNN", "5CNN",
            "pool1", "pool2", "pool3", "pool4", "pool5", "flatten", "output");

    private VggGraph() {
    }

    static boolean isVgg(JsonNode config) {
        Set<String> names = new TreeSet<>();
        for (String[] layer : KerasFile.layers(config)) names.add(layer[0]);
        return names.containsAll(KERAS_LAYERS);
    }

    static ComputationGraph load(KerasFile file) {
        if (!isVgg(file.modelConfig())) {
            throw new UserException(file.file() + " is not a musicnn vgg model: its layers are not those of MSD_vgg/MTT_vgg");
        }
        ComputationGraph imported;
        try {
            imported = KerasModelImport.importKerasModelAndWeights(file.file().toString(), false);
        } catch (Exception e) {
            throw new UserException("cannot import " + file.file() + " (" + e.getMessage() + ")", e);
        }
        if (imported.numParams() != PARAMETERS) {
            throw new UserException(file.file() + " has " + imported.numParams() + " parameters, a musicnn vgg has " + PARAMETERS);
        }
        ComputationGraphConfiguration conf = imported.getConfiguration().clone();
        conf.setNetworkOutputs(OUTPUTS);
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init(imported.params().dup(), false);
        return graph;
    }
}
