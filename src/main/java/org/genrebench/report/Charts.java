package org.genrebench.report;

import org.genrebench.util.AtomicFiles;

import org.genrebench.eval.ConfusionMatrix;
import org.genrebench.eval.ModelResult;
import org.genrebench.eval.RunResult;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;

/** PNG charts with JFreeChart, rendered headless: per-model confusion heat maps and the accuracy bar chart. */
final class Charts {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** Mean song accuracy per model with ± one standard deviation over folds as error bars. */
    static void accuracyBars(RunResult run, Path file) throws IOException {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (ModelResult m : run.models()) data.add(m.accuracyMean(), m.accuracyStd(), "song accuracy", m.name());
        NumberAxis y = new NumberAxis("song accuracy (mean ± std over folds)");
        y.setRange(0, 1);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("model"), y, new StatisticalBarRenderer());
        plot.getRenderer().setSeriesPaint(0, new Color(0x4C72B0));
        JFreeChart chart = new JFreeChart(run.dataset() + " — " + run.protocol(), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, 800, 500));
    }

    /** Song-level confusion matrix pooled over folds, counts printed in each cell. */
    static void confusion(ModelResult m, java.util.List<String> classes, Path file) throws IOException {
        ConfusionMatrix cm = m.pooledMatrix();
        int k = cm.size();
        double[][] xyz = new double[3][k * k];
        long max = 1;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                int i = t * k + p;
                xyz[0][i] = p;
                xyz[1][i] = k - 1 - t; // first class on top
                xyz[2][i] = cm.count(t, p);
                max = Math.max(max, cm.count(t, p));
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("counts", xyz);
        String[] names = classes.toArray(String[]::new);
        String[] reversed = new String[k];
        for (int i = 0; i < k; i++) reversed[i] = names[k - 1 - i];
        SymbolAxis x = new SymbolAxis("predicted", names);
        x.setVerticalTickLabels(true);
        SymbolAxis y = new SymbolAxis("true", reversed);
        XYBlockRenderer renderer = new XYBlockRenderer();
        long finalMax = max;
        renderer.setPaintScale(new BluePaintScale(finalMax));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        for (int i = 0; i < k * k; i++) {
            XYTextAnnotation a = new XYTextAnnotation(String.valueOf((long) xyz[2][i]), xyz[0][i], xyz[1][i]);
            a.setFont(font);
            a.setPaint(xyz[2][i] > finalMax / 2.0 ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(a);
        }
        JFreeChart chart = new JFreeChart(m.name() + " — song confusion (all folds)", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, 700, 650));
    }

    /** White (0) to dark blue (max). */
    private record BluePaintScale(double max) implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return max;
        }

        @Override
        public Paint getPaint(double value) {
            double f = Math.max(0, Math.min(1, value / max));
            return new Color((int) (255 - 227 * f), (int) (255 - 175 * f), (int) (255 - 95 * f));
        }
    }
}
