package lab.like.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ProblemResponsesTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void problemDocumentCarriesTypeTitleStatusDetailAndInstance() {
        String json = ProblemResponses.json(Problem.FORBIDDEN, "Roles ANALYST may not call events.", "/api/v1/events");
        Map<String, Object> problem =
                mapper.readValue(json, new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
        assertThat(problem)
                .containsEntry("type", "urn:likelab:problem:forbidden")
                .containsEntry("title", "Forbidden")
                .containsEntry("status", 403)
                .containsEntry("detail", "Roles ANALYST may not call events.")
                .containsEntry("instance", "/api/v1/events");
    }

    @Test
    void textFromTheRequestIsEscaped() {
        String hostile = "/api/v1/x\"}\\\n\u0001";
        Map<String, Object> problem = mapper.readValue(
                ProblemResponses.json(Problem.NOT_FOUND, hostile, hostile),
                new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
        assertThat(problem.get("detail")).isEqualTo(hostile);
        assertThat(problem.get("instance")).isEqualTo(hostile);
    }

    @Test
    void everyProblemUsesAContractSlug() {
        for (Problem problem : Problem.values()) {
            assertThat(problem.type())
                    .matches("urn:likelab:problem:(unauthorized|forbidden|not-found|payload-too-large|"
                            + "unsupported-media-type|rate-limited|unavailable|internal|non-canonical-path|"
                            + "too-many-streams)");
        }
    }
}
