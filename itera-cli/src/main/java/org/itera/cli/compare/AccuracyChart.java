package org.itera.cli.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.itera.core.setting.Wilson;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYBarDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The comparison as a bar chart: one bar per method (accuracy in %; above the interval, e.g. {@code 72.5% (29/40)}),
 * the 95% Wilson interval as an asymmetric error bar; rendered headless to a PNG of a fixed size.
 */
final class AccuracyChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 500;
    static final Color BAR = new Color(0x4C72B0);
    static final Color ERROR_BAR = Color.BLACK;
    private static final double BAR_WIDTH = 0.6;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private AccuracyChart() {
    }

    static void writePng(Path file, Comparison comparison) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), of(comparison), WIDTH, HEIGHT);
    }

    static JFreeChart of(Comparison comparison) {
        List<ComparisonRow> rows = comparison.rows();
        YIntervalSeries accuracy = new YIntervalSeries("accuracy");
        String[] methods = new String[rows.size()];
        XYPlot plot = new XYPlot();
        for (int i = 0; i < rows.size(); i++) {
            MethodResult result = rows.get(i).result();
            Wilson interval = result.interval();
            accuracy.add(i, 100 * result.accuracy(), 100 * interval.low(), 100 * interval.high());
            methods[i] = result.method();
            plot.addAnnotation(valueLabel(rows.get(i), i, 100 * interval.high()));
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(accuracy);
        plot.setDataset(0, new XYBarDataset(dataset, BAR_WIDTH));
        plot.setRenderer(0, bars());
        plot.setDataset(1, dataset);
        plot.setRenderer(1, errorBars());
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setDomainAxis(methodAxis(methods));
        plot.setRangeAxis(percentAxis());
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = new JFreeChart("Accuracy by method", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.addSubtitle(new TextTitle("accuracy (right/n) per method; error bars: 95% Wilson intervals"));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYBarRenderer bars() {
        XYBarRenderer bars = new XYBarRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, BAR);
        return bars;
    }

    private static XYErrorRenderer errorBars() {
        XYErrorRenderer errors = new XYErrorRenderer();
        errors.setDefaultLinesVisible(false);
        errors.setDefaultShapesVisible(false);
        errors.setDrawXError(false);
        errors.setDrawYError(true);
        errors.setErrorPaint(ERROR_BAR);
        errors.setErrorStroke(new BasicStroke(1.5f));
        errors.setCapLength(12);
        return errors;
    }

    private static SymbolAxis methodAxis(String[] methods) {
        SymbolAxis axis = new SymbolAxis("Method", methods);
        axis.setGridBandsVisible(false);
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        axis.setRange(-0.5, methods.length - 0.5);
        return axis;
    }

    /** 0 to 110% so that a label above an interval ending at 100% fits; ticks every 10%. */
    private static NumberAxis percentAxis() {
        NumberAxis axis = new NumberAxis("Accuracy (%)");
        axis.setRange(0, 110);
        axis.setTickUnit(new NumberTickUnit(10));
        return axis;
    }

    private static XYTextAnnotation valueLabel(ComparisonRow row, int x, double top) {
        XYTextAnnotation label = new XYTextAnnotation(
                row.accuracyText() + " (" + row.result().correct() + "/" + row.result().n() + ")", x, top + 1.5);
        label.setTextAnchor(TextAnchor.BOTTOM_CENTER);
        label.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        return label;
    }
}
