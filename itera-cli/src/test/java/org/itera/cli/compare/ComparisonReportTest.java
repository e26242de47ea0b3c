package org.itera.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonReportTest {

    @TempDir
    Path runDir;

    @Test
    void writesTheTableTheCsvAndTheChartAndReturnsTheTable() throws IOException {
        Path dir = runDir.resolve("compare");

        String markdown = ComparisonReport.write(dir, List.of(Outcomes.sirius(), Outcomes.single()));

        assertThat(Files.readString(dir.resolve("comparison.md"))).isEqualTo(markdown);
        assertThat(markdown).startsWith(MarkdownTable.HEADER).contains("| sirius | SiriuS | 72.5% |");
        assertThat(Files.readAllLines(dir.resolve("comparison.csv"))).hasSize(3)
                .first().isEqualTo(ComparisonCsv.HEADER);
        assertThat(ImageIO.read(dir.resolve("comparison.png").toFile()).getWidth()).isEqualTo(AccuracyChart.WIDTH);
    }

    @Test
    void writingAgainReplacesTheFiles() throws IOException {
        ComparisonReport.write(runDir, List.of(Outcomes.sirius(), Outcomes.single()));

        ComparisonReport.write(runDir, List.of(Outcomes.sirius()));

        assertThat(Files.readAllLines(runDir.resolve("comparison.csv"))).hasSize(2);
        assertThat(Files.readString(runDir.resolve("comparison.md"))).contains(MarkdownTable.NO_SINGLE);
    }
}
