package lab.like.experiment.registry;

import static lab.like.experiment.registry.HistoryTests.history;
import static lab.like.experiment.registry.HistoryTests.patch;
import static lab.like.experiment.registry.HistoryTests.read;
import static lab.like.experiment.support.Api.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lab.like.experiment.support.Api;
import lab.like.experiment.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code iterationOf} chains of any depth, never a cycle, never across organisations. */
class IterationChainTests extends IntegrationTest {

    @Test
    void whenAPatchWouldCloseAChainOfThreeIntoACycleThen400NamingIterationOfAndNothingChanges() {
        Api team = as("chainers", "TEAM");
        String first = team.create();
        String second = team.create(Map.of("iterationOf", first));
        String third = team.create(Map.of("iterationOf", second));
        String fourth = team.create(Map.of("iterationOf", third));
        assertThat(read(team, PATH + "/" + fourth).get("iterationOf").stringValue())
                .isEqualTo(third);

        patch(team, first, Map.of("iterationOf", fourth))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("iterationOf")
                .jsonPath("$.errors[0].message")
                .value(
                        String.class,
                        m -> assertThat(m).contains("its own ancestor").contains("3 step(s)"));
        patch(team, first, Map.of("iterationOf", second))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("iterationOf");
        patch(team, first, Map.of("iterationOf", first))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("iterationOf");

        var unchanged = read(team, PATH + "/" + first);
        assertThat(unchanged.get("iterationOf").isNull()).isTrue();
        assertThat(unchanged.get("version").longValue()).isEqualTo(1);
        assertThat(history(team, first).size()).isEqualTo(1);
        assertThat(read(team, PATH + "/" + second)
                        .get("iterations")
                        .valueStream()
                        .map(n -> n.stringValue())
                        .toList())
                .isEqualTo(List.of(third));
    }

    @Test
    void whenAPatchMovesALinkWithoutACycleThenItIsAccepted() {
        Api team = as("movers", "TEAM");
        String first = team.create();
        String second = team.create(Map.of("iterationOf", first));
        String other = team.create();
        patch(team, second, Map.of("iterationOf", other)).expectStatus().isOk();
        patch(team, first, Map.of("iterationOf", second)).expectStatus().isOk();
        assertThat(read(team, PATH + "/" + first).get("iterationOf").stringValue())
                .isEqualTo(second);
        assertThat(history(team, first).get(1).get("changes").get(0).stringValue())
                .isEqualTo("iterationOf");
    }

    @Test
    void whenIterationOfNamesAnotherOrganisationsExperimentThen400AsIfAbsent() {
        String foreign = otherTeam().create();
        String own = team().create();
        patch(team(), own, Map.of("iterationOf", foreign))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("iterationOf");
    }
}
