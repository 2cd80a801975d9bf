package org.genrebench.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-class precision, recall, F1 and support with accuracy, macro and weighted averages: the rows of
 * scikit-learn's {@code classification_report}. Macro averages cover the classes present in the truth or the
 * predictions (scikit-learn without {@code labels=}); weighted averages weight each class by its support.
 */
public record ClassificationReport(List<Row> classes, double accuracy, long total, Row macro, Row weighted) {

    public record Row(String name, double precision, double recall, double f1, long support) {
    }

    public static ClassificationReport of(ConfusionMatrix cm, List<String> classNames) {
        List<Row> rows = new ArrayList<>();
        double[] macro = new double[3];
        double[] weighted = new double[3];
        int present = 0;
        long total = cm.total();
        for (int c = 0; c < cm.size(); c++) {
            Row r = new Row(classNames.get(c), cm.precision(c), cm.recall(c), cm.f1(c), cm.support(c));
            rows.add(r);
            if (cm.support(c) > 0 || cm.predictedCount(c) > 0) {
                present++;
                macro[0] += r.precision;
                macro[1] += r.recall;
                macro[2] += r.f1;
            }
            double w = total == 0 ? 0 : r.support / (double) total;
            weighted[0] += w * r.precision;
            weighted[1] += w * r.recall;
            weighted[2] += w * r.f1;
        }
        int m = Math.max(present, 1);
        return new ClassificationReport(List.copyOf(rows), cm.accuracy(), total,
                new Row("macro avg", macro[0] / m, macro[1] / m, macro[2] / m, total),
                new Row("weighted avg", weighted[0], weighted[1], weighted[2], total));
    }
}
