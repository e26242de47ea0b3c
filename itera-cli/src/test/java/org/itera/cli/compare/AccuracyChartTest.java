package org.itera.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracyChartTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** In the paper's order: single 55%, team 0%, star 100%, sirius 72.5% (interval 57.2-83.9%: asymmetric). */
    private static final Comparison COMPARISON = Comparison.of(List.of(Outcomes.single(),
            Outcomes.result("team", 0, 10), Outcomes.sirius(), Outcomes.result("star", 10, 10)));
    private static final int SIRIUS = 3;

    @TempDir
    Path dir;

    /** The chart as written, read back. */
    private BufferedImage written() throws IOException {
        Path file = dir.resolve("chart.png");
        AccuracyChart.writePng(file, COMPARISON);
        return ImageIO.read(file.toFile());
    }

    /** Where the plot's data area lies in a rendering of the same chart at the same size. */
    private static Geometry geometry() {
        JFreeChart chart = AccuracyChart.of(COMPARISON);
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.createBufferedImage(AccuracyChart.WIDTH, AccuracyChart.HEIGHT, info);
        return new Geometry((XYPlot) chart.getPlot(), info.getPlotInfo().getDataArea());
    }

    private record Geometry(XYPlot plot, Rectangle2D area) {

        int x(double method) {
            return (int) Math.round(plot.getDomainAxis().valueToJava2D(method, area, RectangleEdge.BOTTOM));
        }

        int y(double percent) {
            return (int) Math.round(plot.getRangeAxis().valueToJava2D(percent, area, RectangleEdge.LEFT));
        }
    }

    private static boolean dark(int rgb) {
        return ((rgb >> 16) & 0xff) < 100 && ((rgb >> 8) & 0xff) < 100 && (rgb & 0xff) < 100;
    }

    @Test
    void theFileIsAValidPngOfTheConfiguredSize() throws IOException {
        Path file = dir.resolve("chart.png");
        AccuracyChart.writePng(file, COMPARISON);

        assertThat(Arrays.copyOf(Files.readAllBytes(file), PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(900).isEqualTo(AccuracyChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(500).isEqualTo(AccuracyChart.HEIGHT);
    }

    @Test
    void aBarOfTheBarColourStandsForEachMethodRightAtLeastOnce() throws IOException {
        BufferedImage image = written();
        Geometry geometry = geometry();
        int row = geometry.y(2);

        int bars = 0;
        boolean inBar = false;
        for (int x = 0; x < image.getWidth(); x++) {
            boolean bar = (image.getRGB(x, row) & 0xffffff) == AccuracyChart.BAR.getRGB() - 0xff000000;
            bars += bar && !inBar ? 1 : 0;
            inBar = bar;
        }
        // single, star and sirius; team (0%) has no bar
        assertThat(bars).isEqualTo(3);
        // sirius's bar, beside its error bar, ends between 70% and 75%
        int siriusX = geometry.x(SIRIUS);
        assertThat(image.getRGB(siriusX - 20, geometry.y(70)) & 0xffffff).isEqualTo(0x4C72B0);
        assertThat(image.getRGB(siriusX - 20, geometry.y(75)) & 0xffffff).isEqualTo(0xffffff);
    }

    @Test
    void theErrorBarSpansTheWilsonIntervalOnEachSideOfTheAccuracy() throws IOException {
        BufferedImage image = written();
        Geometry geometry = geometry();
        int x = geometry.x(SIRIUS);

        int top = geometry.y(72.5);
        while (dark(image.getRGB(x, top - 1))) {
            top--;
        }
        int bottom = geometry.y(72.5);
        while (dark(image.getRGB(x, bottom + 1))) {
            bottom++;
        }
        assertThat((double) top).isCloseTo(geometry.y(83.892), within(2.0));
        assertThat((double) bottom).isCloseTo(geometry.y(57.165), within(2.0));
    }
}
