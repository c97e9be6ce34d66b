package lab.like.experiment.registry;

import static lab.like.experiment.registry.HistoryTests.patch;
import static lab.like.experiment.registry.HistoryTests.read;
import static lab.like.experiment.support.Api.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import lab.like.experiment.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** {@code sequentialTesting}: optional boolean, default true, returned, changeable by merge patch. */
class SequentialTestingTests extends IntegrationTest {

    @Test
    void whenLeftOutThenTrueAndAPatchOrCreateCanTurnItOff() {
        String byDefault = team().create();
        assertThat(read(team(), PATH + "/" + byDefault).get("sequentialTesting").booleanValue())
                .isTrue();
        String planned = as("sequencers", "TEAM").create(Map.of("sequentialTesting", false));
        assertThat(read(as("sequencers", "TEAM"), PATH + "/" + planned)
                        .get("sequentialTesting")
                        .booleanValue())
                .isFalse();
        patch(team(), byDefault, Map.of("sequentialTesting", false))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sequentialTesting")
                .isEqualTo(false)
                .jsonPath("$.version")
                .isEqualTo(2);
        assertThat(read(as("sequencers", "TEAM"), PATH + "?limit=500")
                        .get("items")
                        .valueStream()
                        .filter(n -> n.get("id").stringValue().equals(planned))
                        .findFirst()
                        .orElseThrow()
                        .get("sequentialTesting")
                        .booleanValue())
                .isFalse();
    }

    @Test
    void whenNotABooleanThen400NamingTheField() {
        team().postJson(PATH, Map.of("name", "x", "service", "s", "sequentialTesting", "yes"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'sequentialTesting')].message")
                .isEqualTo(java.util.List.of("must be true or false"));
        String id = team().create();
        patch(team(), id, Map.of("sequentialTesting", 1))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("sequentialTesting");
    }
}
