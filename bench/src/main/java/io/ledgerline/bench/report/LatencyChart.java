package io.ledgerline.bench.report;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A latency plot without a plotting library, drawn with Java2D (headless) into a PNG: latency
 * (log scale) by percentile, with the percentile axis stretched towards the tail the way latency
 * percentile plots usually are (0, 50, 90, 99, 99.9 evenly spaced), one line per series.
 */
public final class LatencyChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 40;
    private static final int BOTTOM = 150;
    private static final double MAX_NINES = 3; // up to p99.9
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0x17becf), new Color(0x7f7f7f)};

    private LatencyChart() {
    }

    /** Each series is a list of (milliseconds, cumulative fraction) points in ascending order. */
    public static void write(Path file, String title, Map<String, List<double[]>> series) throws IOException {
        double min = series.values().stream().flatMap(List::stream).mapToDouble(p -> p[0]).filter(v -> v > 0).min().orElse(1);
        double max = series.values().stream().flatMap(List::stream).mapToDouble(p -> p[0]).max().orElse(10);
        double lo = Math.pow(10, Math.floor(Math.log10(Math.max(0.1, min))));
        double hi = Math.pow(10, Math.ceil(Math.log10(Math.max(lo * 10, max))));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double decade = lo; decade <= hi * 1.0001; decade *= 10) {
            int y = TOP + plotHeight - (int) (plotHeight * Math.log10(decade / lo) / Math.log10(hi / lo));
            grid(g, LEFT, y, LEFT + plotWidth, y);
            g.drawString(decade >= 1 ? String.format("%.0f ms", decade) : String.format("%.1f ms", decade), 8, y + 4);
        }
        String[] labels = {"p0", "p50", "p90", "p99", "p99.9"};
        for (int nines = 0; nines <= MAX_NINES + 1; nines++) {
            double fraction = nines == 0 ? 0 : nines == 1 ? 0.5 : 1 - Math.pow(10, -(nines - 1));
            int x = x(fraction, plotWidth);
            grid(g, x, TOP, x, TOP + plotHeight);
            g.drawString(labels[nines], x - 12, TOP + plotHeight + 18);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setStroke(new BasicStroke(2f));
        int index = 0;
        for (Map.Entry<String, List<double[]>> entry : series.entrySet()) {
            g.setColor(COLORS[index % COLORS.length]);
            int previousX = -1;
            int previousY = -1;
            for (double[] point : entry.getValue()) {
                int x = x(Math.min(point[1], 1 - Math.pow(10, -MAX_NINES)), plotWidth);
                int y = TOP + plotHeight - (int) (plotHeight * Math.log10(Math.max(point[0], lo) / lo) / Math.log10(hi / lo));
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            int legendX = LEFT + (index % 2) * (plotWidth / 2);
            int legendY = TOP + plotHeight + 45 + 20 * (index / 2);
            g.drawLine(legendX, legendY - 4, legendX + 25, legendY - 4);
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey(), legendX + 32, legendY);
            index++;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** Percentiles spaced by their nines: p50 one step from p0, p90 the next, then p99, p99.9. */
    private static int x(double fraction, int plotWidth) {
        double nines = fraction <= 0.5 ? fraction / 0.5 : 1 + Math.log10(0.5 / (1 - fraction)) / Math.log10(5);
        if (fraction > 0.9) {
            nines = 2 + Math.log10(0.1 / (1 - fraction));
        }
        return LEFT + (int) (plotWidth * Math.min(nines, MAX_NINES + 1) / (MAX_NINES + 1));
    }

    private static void grid(Graphics2D g, int x1, int y1, int x2, int y2) {
        g.setColor(new Color(0xdddddd));
        g.drawLine(x1, y1, x2, y2);
        g.setColor(Color.DARK_GRAY);
    }
}
