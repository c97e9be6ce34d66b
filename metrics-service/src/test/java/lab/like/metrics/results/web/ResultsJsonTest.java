package lab.like.metrics.results.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import lab.like.metrics.aggregation.Counts;
import lab.like.metrics.aggregation.ExperimentDefinition;
import lab.like.metrics.aggregation.ExperimentStatus;
import lab.like.metrics.results.DailyResults;
import lab.like.metrics.results.ResultsCalculator;
import lab.like.metrics.results.VariantCounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A variant and a daily row serialise as they did before {@link Counts} existed (literals written by that code):
 * the counters top-level, in the same order, {@code meanScore} and no {@code scoreSum}.
 */
class ResultsJsonTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static final String VARIANT =
            "{\"variant\":\"control\",\"subjects\":3,\"starters\":2,\"completers\":2,\"abandoners\":1,\"co"
                    + "mpletions\":2,\"digitalCompletions\":1,\"feedbackResponses\":2,\"satisfiedResponses\":1"
                    + ",\"meanScore\":3.0,\"medianDurationMs\":1200,\"p90DurationMs\":1300,\"kpis\":{\"completio"
                    + "n_rate\":{\"value\":1.0,\"numerator\":2,\"denominator\":2,\"ci95\":[0.34238022750665303,1"
                    + ".0]},\"satisfaction\":{\"value\":0.5,\"numerator\":1,\"denominator\":2,\"ci95\":[0.0945312"
                    + "0573423074,0.9054687942657693]},\"digital_take_up\":{\"value\":0.5,\"numerator\":1,\"de"
                    + "nominator\":2,\"ci95\":[0.09453120573423074,0.9054687942657693]},\"adoption_rate\":{\""
                    + "value\":0.3,\"numerator\":3,\"denominator\":10,\"ci95\":[0.10779126740630099,0.60322185"
                    + "25388546]}}}";

    static final String EMPTY_VARIANT =
            "{\"variant\":\"b\",\"subjects\":0,\"starters\":0,\"completers\":0,\"abandoners\":0,\"completi"
                    + "ons\":0,\"digitalCompletions\":0,\"feedbackResponses\":0,\"satisfiedResponses\":0,\"mean"
                    + "Score\":null,\"medianDurationMs\":null,\"p90DurationMs\":null,\"kpis\":{\"completion_rat"
                    + "e\":{\"value\":null,\"numerator\":0,\"denominator\":0,\"ci95\":null},\"satisfaction\":{\"val"
                    + "ue\":null,\"numerator\":0,\"denominator\":0,\"ci95\":null},\"digital_take_up\":{\"value\":n"
                    + "ull,\"numerator\":0,\"denominator\":0,\"ci95\":null}}}";

    static final String DAILY =
            "{\"experimentId\":\"exp\",\"asOf\":\"2026-11-27T10:00:00Z\",\"rows\":[{\"day\":\"2026-11-27\","
                    + "\"variant\":\"control\",\"subjects\":3,\"starters\":2,\"completers\":2,\"abandoners\":1,\"com"
                    + "pletions\":2,\"digitalCompletions\":1,\"feedbackResponses\":2,\"satisfiedResponses\":1,"
                    + "\"meanScore\":3.0,\"medianDurationMs\":1200,\"p90DurationMs\":1300},{\"day\":null,\"varia"
                    + "nt\":\"b\",\"subjects\":0,\"starters\":0,\"completers\":0,\"abandoners\":0,\"completions\":0,"
                    + "\"digitalCompletions\":0,\"feedbackResponses\":0,\"satisfiedResponses\":0,\"meanScore\":"
                    + "null,\"medianDurationMs\":null,\"p90DurationMs\":null}]}";

    final JsonMapper json = JsonMapper.builder().addModule(ResultsJson.module()).build();

    final VariantCounts counted =
            new VariantCounts("control", "2026-11-27", 7, new Counts(3, 2, 2, 1, 2, 1, 2, 1, 6), 1200L, 1300L, NOW);

    @Test
    void whenAVariantIsWrittenThenItsJsonIsTheOneOfBefore() {
        var experiment = new ExperimentDefinition(
                "exp",
                "demo",
                ExperimentStatus.RUNNING,
                List.of(new ExperimentDefinition.Variant("control", 50), new ExperimentDefinition.Variant("b", 50)),
                "control",
                "completion_rate",
                List.of(),
                10L,
                100L,
                "",
                1,
                true);
        var variants = ResultsCalculator.calculate(experiment, List.of(counted), List.of(), NOW)
                .variants();
        assertThat(json.writeValueAsString(variants.get(0))).isEqualTo(VARIANT);
        var withoutPopulation = new ExperimentDefinition(
                "exp",
                "demo",
                ExperimentStatus.RUNNING,
                experiment.variants(),
                "control",
                "completion_rate",
                List.of(),
                null,
                100L,
                "",
                1,
                true);
        assertThat(json.writeValueAsString(ResultsCalculator.calculate(withoutPopulation, List.of(), List.of(), NOW)
                        .variants()
                        .get(1)))
                .isEqualTo(EMPTY_VARIANT);
    }

    @Test
    void whenDailyRowsAreWrittenThenTheirJsonIsTheOneOfBefore() {
        var daily = new DailyResults(
                "exp", NOW, List.of(DailyResults.Row.of(counted), DailyResults.Row.of(VariantCounts.empty("b"))));
        assertThat(json.writeValueAsString(daily)).isEqualTo(DAILY);
    }
}
