package org.genrebench.spark;

import org.genrebench.dataset.Sample;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Feature rows as plain arrays, to broadcast to executors once per job; {@link #samples()} rebuilds them there. */
final class SampleTable implements Serializable {
    private final double[][] inputs;
    private final String[] songIds;
    private final String[] groupIds;
    private final int[] labels;
    private transient List<Sample<double[]>> samples;

    SampleTable(List<Sample<double[]>> samples) {
        int n = samples.size();
        inputs = new double[n][];
        songIds = new String[n];
        groupIds = new String[n];
        labels = new int[n];
        for (int i = 0; i < n; i++) {
            Sample<double[]> s = samples.get(i);
            inputs[i] = s.input();
            songIds[i] = s.songId();
            groupIds[i] = s.groupId();
            labels[i] = s.label();
        }
    }

    /** The samples, built once per executor JVM (the same list for every task there). */
    synchronized List<Sample<double[]>> samples() {
        if (samples == null) {
            List<Sample<double[]>> out = new ArrayList<>(labels.length);
            for (int i = 0; i < labels.length; i++) out.add(new Sample<>(inputs[i], songIds[i], groupIds[i], labels[i]));
            samples = List.copyOf(out);
        }
        return samples;
    }

    /** The rows at {@code index}, in that order (a training fold). */
    List<Sample<double[]>> rows(int[] index) {
        List<Sample<double[]>> all = samples();
        List<Sample<double[]>> out = new ArrayList<>(index.length);
        for (int i : index) out.add(all.get(i));
        return out;
    }
}
