package lab.like.stack.cluster;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The soak's plot, drawn headless with JFreeChart: rate, lag, heap and latency over the minutes of the run. */
final class SoakPlot {

    private SoakPlot() {}

    static void write(Path png, List<SoakSample> samples, List<String> services) throws IOException {
        System.setProperty("java.awt.headless", "true");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("minutes"));
        plot.setGap(12);
        plot.add(
                panel(
                        "events/s",
                        collection(
                                samples,
                                new String[] {"accepted", "counted"},
                                s -> s.acceptedPerSecond(),
                                s -> s.countedPerSecond()),
                        false),
                1);
        plot.add(
                panel(
                        "lag (records)",
                        collection(samples, new String[] {"consumer lag of likelab-metrics"}, s -> s.consumerLag()),
                        false),
                1);
        XYSeriesCollection heap = new XYSeriesCollection();
        for (String service : services) {
            heap.addSeries(
                    series(service + " heap used", samples, s -> s.heapMb().getOrDefault(service, Double.NaN)));
        }
        for (String service : services) {
            heap.addSeries(series(
                    service + " after GC", samples, s -> s.heapAfterGcMb().getOrDefault(service, Double.NaN)));
        }
        plot.add(panel("heap (MB)", heap, true), 1);
        plot.add(
                panel(
                        "latency (ms)",
                        collection(
                                samples,
                                new String[] {"POST events p50", "POST events p99", "GET results p50", "GET results p99"
                                },
                                s -> s.ingestP50Ms(),
                                s -> s.ingestP99Ms(),
                                s -> s.readP50Ms(),
                                s -> s.readP99Ms()),
                        false),
                1);
        JFreeChart chart = new JFreeChart("LIKE Lab soak", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1200, 1400);
    }

    @SafeVarargs
    private static XYSeriesCollection collection(
            List<SoakSample> samples, String[] names, ToDoubleFunction<SoakSample>... values) {
        XYSeriesCollection collection = new XYSeriesCollection();
        for (int i = 0; i < names.length; i++) {
            collection.addSeries(series(names[i], samples, values[i]));
        }
        return collection;
    }

    private static XYSeries series(String name, List<SoakSample> samples, ToDoubleFunction<SoakSample> value) {
        XYSeries series = new XYSeries(name, false, true);
        for (SoakSample s : samples) {
            double v = value.applyAsDouble(s);
            if (!Double.isNaN(v) && v >= 0) series.add(s.seconds() / 60, v);
        }
        return series;
    }

    /** A panel; the heap panel draws its after-GC series (the second half) as points only. */
    private static XYPlot panel(String label, XYSeriesCollection data, boolean afterGcPoints) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int count = data.getSeriesCount();
        for (int i = 0; i < count; i++) {
            renderer.setSeriesStroke(i, new BasicStroke(1.5f));
            if (afterGcPoints && i >= count / 2) {
                renderer.setSeriesLinesVisible(i, true);
                renderer.setSeriesShapesVisible(i, true);
                renderer.setSeriesStroke(i, new BasicStroke(2.5f));
            }
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
