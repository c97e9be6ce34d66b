package lab.like.metrics.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against values computed once with SciPy 1.17.1: {@code src/test/resources/reference/}, made by
 * {@code python3 make_reference.py} in that directory (the script says which SciPy function gave each column).
 * Closed forms agree to 1e-9 (relative for tiny p-values); the chance to beat control, an integral in SciPy, to
 * 1e-6 where it is exact here and 1e-4 where the normal approximation is used (API.md asks for 1e-3).
 */
class StatisticsReferenceTest {

    static Stream<List<String>> comparisons() throws IOException {
        return rows("comparisons.csv").map(List::of);
    }

    @ParameterizedTest
    @MethodSource("comparisons")
    void comparisonMatchesScipy(List<String> columns) {
        String[] row = columns.toArray(String[]::new);
        long xc = Long.parseLong(row[1]);
        long nc = Long.parseLong(row[2]);
        long xt = Long.parseLong(row[3]);
        long nt = Long.parseLong(row[4]);
        double[] expected = Arrays.stream(row, 5, row.length)
                .mapToDouble(Double::parseDouble)
                .toArray();
        // the capped case is adoption with 1200 subjects in a population of 1000, tested as 100%
        long controlCount = row[0].equals("above-population-capped") ? 1200 : xc;
        Comparison c = Comparison.of("t", "k", KpiEstimate.of(controlCount, nc), KpiEstimate.of(xt, nt));
        assertClose(Wilson.interval(controlCount, nc)[0], expected[0]);
        assertClose(Wilson.interval(controlCount, nc)[1], expected[1]);
        assertClose(Wilson.interval(xt, nt)[0], expected[2]);
        assertClose(Wilson.interval(xt, nt)[1], expected[3]);
        assertClose(c.pValue(), expected[4]);
        assertClose(c.ci95()[0], expected[5]);
        assertClose(c.ci95()[1], expected[6]);
        assertClose(c.sequential().pValue(), expected[7]);
        assertClose(c.sequential().ci95()[0], expected[8]);
        assertClose(c.sequential().ci95()[1], expected[9]);
        boolean exact = Math.min(Math.min(xc, nc - xc), Math.min(xt, nt - xt)) + 1 <= ChanceToBeat.EXACT_TERMS;
        assertThat(Math.abs(c.chanceToBeatControl() - expected[10]))
                .as("chance to beat control of %s", row[0])
                .isLessThanOrEqualTo(exact ? 1e-6 : 1e-4);
    }

    @Test
    void whenAKpiHasNoDenominatorThenEveryStatisticIsNull() {
        Comparison c = Comparison.of("t", "k", KpiEstimate.of(0, 0), KpiEstimate.of(3, 10));
        assertThat(c.pValue()).isNull();
        assertThat(c.adjustedPValue()).isNull();
        assertThat(c.sequential()).isNull();
        assertThat(c.chanceToBeatControl()).isNull();
        assertThat(c.significant()).isFalse();
        assertThat(Wilson.interval(0, 0)).isNull();
    }

    @Test
    void srmMatchesScipy() throws IOException {
        List<String[]> cases = rows("srm.csv").toList();
        assertThat(cases).hasSize(7);
        for (String[] row : cases) {
            List<Long> subjects =
                    Arrays.stream(row[1].split(" ")).map(Long::parseLong).toList();
            List<Integer> weights =
                    Arrays.stream(row[2].split(" ")).map(Integer::parseInt).toList();
            Srm srm = Srm.of(subjects, weights);
            assertClose(srm.pValue(), Double.parseDouble(row[3]));
            assertThat(srm.mismatch()).as(row[0]).isEqualTo(Double.parseDouble(row[3]) < 0.001);
        }
    }

    @Test
    void holmOverNineTreatmentsMatchesTheReference() throws IOException {
        List<String[]> cases = rows("holm.csv").toList();
        double[] p = cases.stream()
                .mapToDouble(r -> TwoProportions.pValue(600, 1000, Long.parseLong(r[1]), Long.parseLong(r[2])))
                .toArray();
        double[] adjusted = Holm.adjust(p);
        for (int i = 0; i < cases.size(); i++) {
            assertClose(p[i], Double.parseDouble(cases.get(i)[3]));
            assertClose(adjusted[i], Double.parseDouble(cases.get(i)[4]));
        }
    }

    static void assertClose(double actual, double expected) {
        assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(1e-9 + 1e-7 * Math.abs(expected));
    }

    private static Stream<String[]> rows(String file) throws IOException {
        try (InputStream in = StatisticsReferenceTest.class.getResourceAsStream("/reference/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().skip(1).map(line -> line.split(",")).toList().stream();
        }
    }
}
