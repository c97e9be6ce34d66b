package lab.like.experiment.registry;

import static lab.like.experiment.support.Api.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lab.like.experiment.support.Api;
import lab.like.experiment.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/experiments/{id}/history}: every change with who made it, written with the change itself. */
class HistoryTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void whenTwoCallersTakeAnExperimentThroughItsLifecycleThenEveryChangeHasItsEntry() {
        Api author = as("demo-team", "demo", "TEAM");
        Api lead = as("demo-lead", "demo", "TEAM");
        String id = author.create(Map.of("eligiblePopulation", 12000));
        patch(author, id, Map.of("hypothesis", "Fewer steps, more completions", "minimumStarters", 200))
                .expectStatus()
                .isOk();
        lifecycle(lead, id, "start", null).expectStatus().isOk();
        lifecycle(lead, id, "pause", null).expectStatus().isOk();
        lifecycle(author, id, "start", null).expectStatus().isOk();
        lifecycle(lead, id, "complete", Map.of("outcome", "ITERATE", "rationale", "mixed guardrails"))
                .expectStatus()
                .isOk();
        lifecycle(author, id, "archive", null).expectStatus().isOk();

        JsonNode experiment = read(author, PATH + "/" + id);
        JsonNode items = history(author, id);
        assertThat(items.size()).isEqualTo(7);
        assertThat(experiment.get("version").longValue()).isEqualTo(7);
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i).propertyNames())
                    .containsExactly("version", "at", "action", "by", "from", "to", "changes", "decision");
            assertThat(items.get(i).get("version").longValue()).isEqualTo(i + 1);
        }
        assertEntry(items.get(0), "created", "demo-team", null, "DRAFT");
        assertThat(strings(items.get(0).get("changes")))
                .containsExactly(
                        "name",
                        "hypothesis",
                        "service",
                        "variants",
                        "controlVariant",
                        "primaryKpi",
                        "guardrailKpis",
                        "eligiblePopulation",
                        "minimumStarters",
                        "sharedWithNetwork",
                        "sequentialTesting");
        assertThat(items.get(0).get("at").stringValue())
                .isEqualTo(experiment.get("createdAt").stringValue());
        assertEntry(items.get(1), "updated", "demo-team", "DRAFT", "DRAFT");
        assertThat(strings(items.get(1).get("changes"))).containsExactly("hypothesis", "minimumStarters");
        assertEntry(items.get(2), "started", "demo-lead", "DRAFT", "RUNNING");
        assertThat(strings(items.get(2).get("changes"))).containsExactly("status", "startedAt");
        assertThat(items.get(2).get("at").stringValue())
                .isEqualTo(experiment.get("startedAt").stringValue());
        assertEntry(items.get(3), "paused", "demo-lead", "RUNNING", "PAUSED");
        assertThat(strings(items.get(3).get("changes"))).containsExactly("status");
        assertEntry(items.get(4), "started", "demo-team", "PAUSED", "RUNNING");
        assertThat(strings(items.get(4).get("changes"))).containsExactly("status");
        assertEntry(items.get(5), "completed", "demo-lead", "RUNNING", "COMPLETED");
        assertThat(strings(items.get(5).get("changes"))).containsExactly("status", "decision", "completedAt");
        assertThat(items.get(5).get("decision").get("outcome").stringValue()).isEqualTo("ITERATE");
        assertThat(items.get(5).get("decision").get("rationale").stringValue()).isEqualTo("mixed guardrails");
        assertThat(items.get(5).get("at").stringValue())
                .isEqualTo(experiment.get("completedAt").stringValue());
        assertEntry(items.get(6), "archived", "demo-team", "COMPLETED", "ARCHIVED");
        assertThat(items.get(6).get("at").stringValue())
                .isEqualTo(experiment.get("updatedAt").stringValue());
        for (int i = 0; i < items.size(); i++) {
            if (i != 5) {
                assertThat(items.get(i).get("decision").isNull()).isTrue();
            }
            if (i > 0) {
                assertThat(items.get(i).get("at").stringValue())
                        .isGreaterThanOrEqualTo(items.get(i - 1).get("at").stringValue());
            }
        }
    }

    @Test
    void whenTheTokenNamesTheCallerThenTheEntryIsByItsSubject() {
        String id = team().create(); // the test token's subject is "<organisation>-caller"
        JsonNode items = history(team(), id);
        assertThat(items.size()).isEqualTo(1);
        assertEntry(items.get(0), "created", "demo-caller", null, "DRAFT");
    }

    @Test
    void whenChangesRaceThenEveryStoredChangeHasExactlyOneEntryAndNoEntryLacksItsChange() {
        Api writer = as("racer", "demo", "TEAM");
        String id = writer.create();
        List<Map<String, Object>> patches = List.of(
                Map.of("name", "Concurrent name"),
                Map.of("hypothesis", "Concurrent hypothesis"),
                Map.of("eligiblePopulation", 5000),
                Map.of("minimumStarters", 250),
                Map.of("sharedWithNetwork", true),
                Map.of("sequentialTesting", false));
        List<Integer> statuses = Flux.fromIterable(patches)
                .parallel(patches.size())
                .runOn(Schedulers.boundedElastic())
                .map(p -> patch(writer, id, p)
                        .returnResult(String.class)
                        .getStatus()
                        .value())
                .sequential()
                .collectList()
                .block();
        assertThat(statuses).containsOnly(200);
        List<Integer> starts = Flux.range(0, 4)
                .parallel(4)
                .runOn(Schedulers.boundedElastic())
                .map(i -> lifecycle(writer, id, "start", null)
                        .returnResult(String.class)
                        .getStatus()
                        .value())
                .sequential()
                .collectList()
                .block();
        assertThat(starts).containsOnlyOnce(200);

        JsonNode items = history(writer, id);
        long version = read(writer, PATH + "/" + id).get("version").longValue();
        assertThat(version).isEqualTo(1 + patches.size() + 1);
        assertThat(items.size()).isEqualTo((int) version);
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i).get("version").longValue()).isEqualTo(i + 1);
        }
        List<String> updated = items.valueStream()
                .filter(e -> e.get("action").stringValue().equals("updated"))
                .flatMap(e -> strings(e.get("changes")).stream())
                .toList();
        assertThat(updated)
                .containsExactlyInAnyOrder(
                        "name",
                        "hypothesis",
                        "eligiblePopulation",
                        "minimumStarters",
                        "sharedWithNetwork",
                        "sequentialTesting");
        assertThat(items.valueStream().filter(e -> e.get("action").stringValue().equals("started")))
                .hasSize(1);
    }

    @Test
    void whenIfMatchIsStaleThen412AndNoEntry() {
        Api writer = as("careful", "demo", "TEAM");
        String id = writer.create();
        patch(writer, id, Map.of("name", "Second")).expectStatus().isOk();
        writer.patch()
                .uri(PATH + "/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"1\"")
                .bodyValue(Map.of("name", "Stale"))
                .exchange()
                .expectStatus()
                .isEqualTo(412);
        writer.post()
                .uri(PATH + "/" + id + "/start")
                .header("If-Match", "\"1\"")
                .exchange()
                .expectStatus()
                .isEqualTo(412);
        JsonNode items = history(writer, id);
        assertThat(items.valueStream().map(e -> e.get("action").stringValue())).containsExactly("created", "updated");
        assertThat(read(writer, PATH + "/" + id).get("name").stringValue()).isEqualTo("Second");
    }

    @Test
    void whenAChangeIsRefusedOrChangesNothingThenNoEntry() {
        String id = team().running(Map.of());
        patch(
                        team(),
                        id,
                        Map.of(
                                "variants",
                                List.of(
                                        Map.of("key", "control", "weight", 60),
                                        Map.of("key", "simplified", "weight", 40))))
                .expectStatus()
                .isEqualTo(409);
        patch(team(), id, Map.of("name", 5)).expectStatus().isBadRequest();
        patch(team(), id, Map.of("name", "Simplified parking permit form"))
                .expectStatus()
                .isOk();
        lifecycle(team(), id, "archive", null).expectStatus().isEqualTo(409);
        assertThat(history(team(), id).valueStream().map(e -> e.get("action").stringValue()))
                .containsExactly("created", "started");
    }

    @Test
    void whenAnotherOrganisationAsksForTheHistoryThenNotFoundAsIfAbsent() {
        String id = team().create();
        otherTeam()
                .get()
                .uri(PATH + "/" + id + "/history")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404);
        otherTeam()
                .get()
                .uri(PATH + "/exp-does-not-exist/history")
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(history(admin(), id).size()).isEqualTo(1);
    }

    private static void assertEntry(JsonNode entry, String action, String by, String from, String to) {
        assertThat(entry.get("action").stringValue()).isEqualTo(action);
        assertThat(entry.get("by").stringValue()).isEqualTo(by);
        if (from == null) {
            assertThat(entry.get("from").isNull()).isTrue();
        } else {
            assertThat(entry.get("from").stringValue()).isEqualTo(from);
        }
        assertThat(entry.get("to").stringValue()).isEqualTo(to);
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::stringValue).toList();
    }

    static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec patch(
            Api api, String id, Map<String, Object> body) {
        return api.patch()
                .uri(PATH + "/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec lifecycle(
            Api api, String id, String verb, Map<String, Object> body) {
        var request = api.post().uri(PATH + "/" + id + "/" + verb);
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
    }

    static JsonNode history(Api api, String id) {
        JsonNode body = read(api, PATH + "/" + id + "/history");
        assertThat(body.propertyNames()).containsExactly("items");
        return body.get("items");
    }

    static JsonNode read(Api api, String uri) {
        byte[] body = api.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JSON.readTree(body);
    }
}
