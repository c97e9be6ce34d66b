package lab.like.metrics.results;

import static org.assertj.core.api.Assertions.assertThat;

import lab.like.metrics.aggregation.ExperimentDefinition;
import lab.like.metrics.aggregation.json.ExperimentJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The experiment record's {@code sequentialTesting}: absent (or not a boolean) means true. */
class SequentialTestingFieldTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static ExperimentDefinition parse(String extra) {
        return ExperimentJson.parse(JSON.readTree("{\"id\":\"e\",\"organisation\":\"demo\",\"status\":\"RUNNING\","
                        + "\"variants\":[{\"key\":\"control\",\"weight\":50},{\"key\":\"b\",\"weight\":50}]" + extra
                        + "}"))
                .orElseThrow();
    }

    @Test
    void whenAbsentThenSequential() {
        assertThat(parse("").sequentialTesting()).isTrue();
    }

    @Test
    void whenFalseThenFixedHorizon() {
        assertThat(parse(",\"sequentialTesting\":false").sequentialTesting()).isFalse();
        assertThat(parse(",\"sequentialTesting\":true").sequentialTesting()).isTrue();
    }

    @Test
    void whenNotABooleanThenSequential() {
        assertThat(parse(",\"sequentialTesting\":\"false\"").sequentialTesting())
                .isTrue();
        assertThat(parse(",\"sequentialTesting\":null").sequentialTesting()).isTrue();
    }
}
