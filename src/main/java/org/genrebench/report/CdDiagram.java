package org.genrebench.report;

import org.genrebench.util.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Demšar's critical-difference diagram drawn with Java2D: an axis of average ranks (1 = best, on the left), each
 * model hanging from its rank, a bar of length CD, and thick lines joining groups of models whose ranks differ by
 * less than CD (not significantly different by the Nemenyi test).
 */
final class CdDiagram {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private CdDiagram() {
    }

    static void write(List<String> names, double[] averageRanks, double cd, String title, Path file) throws IOException {
        int k = names.size();
        int width = 900;
        int left = 150;
        int right = width - 150;
        int axisY = 110;
        int half = (k + 1) / 2;
        int height = axisY + 60 + 28 * half + 20;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 20, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));

        double span = Math.max(1, k - 1);
        java.util.function.DoubleToIntFunction x = r -> (int) Math.round(left + (r - 1) / span * (right - left));
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(left, axisY, right, axisY);
        for (int r = 1; r <= k; r++) {
            g.drawLine(x.applyAsInt(r), axisY - 6, x.applyAsInt(r), axisY);
            String label = Integer.toString(r);
            g.drawString(label, x.applyAsInt(r) - g.getFontMetrics().stringWidth(label) / 2, axisY - 10);
        }
        // CD bar above the axis, starting at rank 1
        int cdY = 50;
        int cdEnd = x.applyAsInt(Math.min(k, 1 + cd));
        g.drawLine(x.applyAsInt(1), cdY, cdEnd, cdY);
        g.drawLine(x.applyAsInt(1), cdY - 4, x.applyAsInt(1), cdY + 4);
        g.drawLine(cdEnd, cdY - 4, cdEnd, cdY + 4);
        String cdLabel = String.format(Locale.ROOT, "CD = %.2f", cd);
        g.drawString(cdLabel, (x.applyAsInt(1) + cdEnd) / 2 - g.getFontMetrics().stringWidth(cdLabel) / 2, cdY - 8);

        Integer[] order = IntStream.range(0, k).boxed().sorted(Comparator.comparingDouble(i -> averageRanks[i])).toArray(Integer[]::new);
        for (int pos = 0; pos < k; pos++) {
            int i = order[pos];
            boolean leftSide = pos < half;
            int row = leftSide ? pos : k - 1 - pos;
            int y = axisY + 50 + 28 * row;
            int xr = x.applyAsInt(averageRanks[i]);
            g.drawLine(xr, axisY, xr, y);
            String label = String.format(Locale.ROOT, "%s (%.2f)", names.get(i), averageRanks[i]);
            if (leftSide) {
                g.drawLine(left - 20, y, xr, y);
                g.drawString(label, left - 25 - g.getFontMetrics().stringWidth(label), y + 4);
            } else {
                g.drawLine(xr, y, right + 20, y);
                g.drawString(label, right + 25, y + 4);
            }
        }
        // maximal groups of consecutive models within CD of each other
        g.setStroke(new BasicStroke(4f));
        g.setColor(new Color(0xC44E52));
        List<int[]> cliques = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            int b = a;
            while (b + 1 < k && averageRanks[order[b + 1]] - averageRanks[order[a]] < cd) b++;
            if (b > a && (cliques.isEmpty() || cliques.getLast()[1] < b)) cliques.add(new int[]{a, b});
        }
        for (int c = 0; c < cliques.size(); c++) {
            int y = axisY + 14 + 8 * c;
            g.drawLine(x.applyAsInt(averageRanks[order[cliques.get(c)[0]]]) - 3, y, x.applyAsInt(averageRanks[order[cliques.get(c)[1]]]) + 3, y);
        }
        g.dispose();
        AtomicFiles.write(file, out -> ImageIO.write(img, "png", out));
    }
}
