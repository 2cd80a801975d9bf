package org.genrebench.model.deep.cpu;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/** What DL4J's own layer configurations do in {@code instantiate}, for this package's custom layers. */
final class CustomLayers {
    private CustomLayers() {
    }

    /** Connects a new layer implementation to its configuration, listeners, index and parameter view. */
    static Layer wire(Layer layer, NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                      INDArray params, boolean initializeParams, ParamInitializer initializer) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(params);
        layer.setParamTable(initializer.init(conf, params, initializeParams));
        layer.setConf(conf);
        return layer;
    }
}
