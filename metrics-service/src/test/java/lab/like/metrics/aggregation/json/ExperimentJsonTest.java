package lab.like.metrics.aggregation.json;

import static org.assertj.core.api.Assertions.assertThat;

import lab.like.metrics.aggregation.ExperimentStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** An experiment record's {@code status}: absent or null means DRAFT; a value that is none of API.md's is refused. */
class ExperimentJsonTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String BASE =
            "{\"id\":\"e\",\"organisation\":\"demo\",\"variants\":[{\"key\":\"control\",\"weight\":50},"
                    + "{\"key\":\"b\",\"weight\":50}]";

    @Test
    void whenTheStatusIsKnownThenItIsTheEnum() {
        for (ExperimentStatus status : ExperimentStatus.values()) {
            assertThat(ExperimentJson.parse(JSON.readTree(BASE + ",\"status\":\"" + status.name() + "\"}"))
                            .orElseThrow()
                            .status())
                    .isEqualTo(status);
        }
    }

    @Test
    void whenTheStatusIsAbsentOrNullThenDraft() {
        assertThat(ExperimentJson.parse(JSON.readTree(BASE + "}")).orElseThrow().status())
                .isEqualTo(ExperimentStatus.DRAFT);
        assertThat(ExperimentJson.parse(JSON.readTree(BASE + ",\"status\":null}"))
                        .orElseThrow()
                        .status())
                .isEqualTo(ExperimentStatus.DRAFT);
    }

    @Test
    void whenTheStatusIsNoneOfApiMdsThenTheRecordIsNotUsable() {
        assertThat(ExperimentJson.parse(JSON.readTree(BASE + ",\"status\":\"running\"}")))
                .isEmpty();
        assertThat(ExperimentJson.parse(JSON.readTree(BASE + ",\"status\":\"LIVE\"}")))
                .isEmpty();
        assertThat(ExperimentJson.parse(JSON.readTree(BASE + ",\"status\":3}"))).isEmpty();
    }
}
