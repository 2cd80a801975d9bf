package org.genrebench.model.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.genrebench.util.UserException;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Keras 2 HDF5 model file read with DL4J's {@link Hdf5Archive}: its {@code model_config} (the graph as JSON) and
 * the weights of each layer under {@code model_weights/<layer>/<layer>/<name>:0} (TF-Keras may add a {@code _1}
 * before the {@code :0}). Weights come back as float32 arrays in Keras's own layout (conv kernels
 * {@code [kh, kw, in, out]}, dense kernels {@code [in, out]}).
 */
final class KerasFile implements Closeable {
    private final Path file;
    private final Hdf5Archive archive;

    private KerasFile(Path file, Hdf5Archive archive) {
        this.file = file;
        this.archive = archive;
    }

    static KerasFile open(Path file) {
        try {
            return new KerasFile(file, new Hdf5Archive(file.toString()));
        } catch (RuntimeException e) {
            throw new UserException(file + " is not a readable HDF5 file (" + e.getMessage() + ")", e);
        }
    }

    Path file() {
        return file;
    }

    /** The {@code model_config} attribute: Keras's description of the layers and how they connect. */
    JsonNode modelConfig() {
        try {
            String json = archive.readAttributeAsJson("model_config");
            ObjectMapper mapper = new ObjectMapper();
            // the attribute is a fixed-size string: the JSON may be followed by padding, which is not read
            try (var parser = mapper.getFactory().createParser(json)) {
                return mapper.readTree(parser);
            }
        } catch (Exception e) {
            throw new UserException(file + " is not a Keras model file: no readable model_config (" + e.getMessage() + ")", e);
        }
    }

    /** Names of the layers of the model config, in order, and their Keras class names. */
    static List<String[]> layers(JsonNode config) {
        List<String[]> layers = new ArrayList<>();
        for (JsonNode layer : config.path("config").path("layers")) {
            layers.add(new String[]{layer.path("name").asText(), layer.path("class_name").asText()});
        }
        return layers;
    }

    /** Weight {@code name} ({@code kernel}, {@code bias}, {@code gamma}, {@code beta}, {@code moving_mean}, {@code moving_variance}) of a layer. */
    INDArray weight(String layer, String name) {
        Pattern pattern = Pattern.compile(Pattern.quote(name) + "(_\\d+)?:0");
        try {
            for (String group : archive.getGroups("model_weights", layer)) {
                for (String dataSet : archive.getDataSets("model_weights", layer, group)) {
                    if (pattern.matcher(dataSet).matches()) return archive.readDataSet(dataSet, "model_weights", layer, group);
                }
            }
        } catch (Exception e) {
            throw new UserException(file + ": cannot read the " + name + " weights of layer " + layer + " (" + e.getMessage() + ")", e);
        }
        throw new UserException(file + " has no " + name + " weights for layer " + layer + "; is it a musicnn model?");
    }

    @Override
    public void close() {
        archive.close();
    }
}
