package lab.like.experiment.assignment;

import static lab.like.experiment.support.Api.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import lab.like.experiment.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AssignmentApiTests extends IntegrationTest {

    @Test
    void whenRunningThenStickyVariantFromTheWeights() {
        String id = team().running(Map.of(
                "variants", List.of(Map.of("key", "control", "weight", 1), Map.of("key", "simplified", "weight", 99))));
        String first = assign(id, "citizen-7f3a");
        for (int i = 0; i < 5; i++) {
            assertThat(assign(id, "citizen-7f3a")).isEqualTo(first);
        }
        long simplified = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> assign(id, "citizen-" + i))
                .filter("simplified"::equals)
                .count();
        assertThat(simplified).isGreaterThan(180);
        team().postJson(PATH + "/" + id + "/assignments", Map.of("subjectId", "citizen-7f3a"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.experimentId")
                .isEqualTo(id)
                .jsonPath("$.subjectId")
                .isEqualTo("citizen-7f3a")
                .jsonPath("$.variant")
                .isEqualTo(first)
                .jsonPath("$.inExperiment")
                .isEqualTo(true);
    }

    @Test
    void whenPausedThenControlAndNotInExperimentWithinASecond() {
        String id = team().running(Map.of("controlVariant", "simplified"));
        as("demo", "EMITTER")
                .postJson(PATH + "/" + id + "/assignments", Map.of("subjectId", "s-1"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.inExperiment")
                .isEqualTo(true);
        team().post().uri(PATH + "/" + id + "/pause").exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> as("demo", "EMITTER")
                .postJson(PATH + "/" + id + "/assignments", Map.of("subjectId", "s-1"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.inExperiment")
                .isEqualTo(false)
                .jsonPath("$.variant")
                .isEqualTo("simplified"));
        String draft = team().create();
        team().postJson(PATH + "/" + draft + "/assignments", Map.of("subjectId", "s-1"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.inExperiment")
                .isEqualTo(false)
                .jsonPath("$.variant")
                .isEqualTo("control");
    }

    @Test
    void whenAnotherOrganisationOrBadInputThenProblem() {
        String id = team().running(Map.of());
        otherTeam()
                .postJson(PATH + "/" + id + "/assignments", Map.of("subjectId", "s"))
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:not-found");
        team().postJson(PATH + "/" + id + "/assignments", Map.of("subjectId", ""))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("subjectId");
        team().postJson(PATH + "/" + id + "/assignments", Map.of("subjectId", Map.of("$gt", "")))
                .expectStatus()
                .isBadRequest();
        team().postJson(PATH + "/" + id + "/assignments", Map.of("subjectId", "s", "extra", 1))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("extra");
        team().postJson(PATH + "/exp-missing/assignments", Map.of("subjectId", "s"))
                .expectStatus()
                .isNotFound();
    }

    private String assign(String id, String subject) {
        Map<?, ?> body = team().postJson(PATH + "/" + id + "/assignments", Map.of("subjectId", subject))
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) body.get("variant");
    }
}
