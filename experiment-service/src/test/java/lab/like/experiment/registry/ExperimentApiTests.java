package lab.like.experiment.registry;

import static lab.like.experiment.support.Api.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lab.like.experiment.support.Api;
import lab.like.experiment.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class ExperimentApiTests extends IntegrationTest {

    @Test
    void whenCreatedThenCreatedWithLocationETagAndDefaults() {
        var body = new java.util.HashMap<String, Object>(Api.validBody());
        body.remove("guardrailKpis");
        team().postJson(PATH, body)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches(HttpHeaders.LOCATION, "/api/v1/experiments/exp-[0-9a-f-]+")
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.organisation")
                .isEqualTo("demo")
                .jsonPath("$.status")
                .isEqualTo("DRAFT")
                .jsonPath("$.controlVariant")
                .isEqualTo("control")
                .jsonPath("$.primaryKpi")
                .isEqualTo("completion_rate")
                .jsonPath("$.guardrailKpis")
                .isEmpty()
                .jsonPath("$.minimumStarters")
                .isEqualTo(100)
                .jsonPath("$.sharedWithNetwork")
                .isEqualTo(false)
                .jsonPath("$.iterationOf")
                .isEmpty()
                .jsonPath("$.decision")
                .isEmpty()
                .jsonPath("$.version")
                .isEqualTo(1)
                .jsonPath("$.salt")
                .doesNotExist()
                .jsonPath("$.createdAt")
                .isNotEmpty();
    }

    @Test
    void whenEveryFieldIsInvalidThenEachIsNamedInErrors() {
        Map<String, Object> bad = Map.of(
                "name", "",
                "service", "Parking Permit",
                "variants", List.of(Map.of("key", "A", "weight", 0), Map.of("key", "b", "weight", 50.5)),
                "controlVariant", "zzz",
                "primaryKpi", "revenue",
                "guardrailKpis", List.of("nope"),
                "eligiblePopulation", -1,
                "minimumStarters", "100",
                "sharedWithNetwork", "yes");
        team().postJson(PATH, bad)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:validation")
                .jsonPath("$.title")
                .isEqualTo("Bad Request")
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.detail")
                .isNotEmpty()
                .jsonPath("$.errors[*].field")
                .value(List.class, fields -> assertThat(fields)
                        .contains(
                                "name",
                                "service",
                                "variants[0].key",
                                "variants[0].weight",
                                "variants[1].weight",
                                "primaryKpi",
                                "guardrailKpis[0]",
                                "eligiblePopulation",
                                "minimumStarters",
                                "sharedWithNetwork"));
    }

    @Test
    void whenWeightsDoNotSumTo100OrKeysRepeatThenRejected() {
        var body = new java.util.HashMap<String, Object>(Api.validBody());
        body.put("variants", List.of(Map.of("key", "a", "weight", 50), Map.of("key", "b", "weight", 40)));
        team().postJson(PATH, body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("variants")
                .jsonPath("$.errors[0].message")
                .value(String.class, m -> assertThat(m).contains("sum to 90"));
        body.put("variants", List.of(Map.of("key", "a", "weight", 50), Map.of("key", "a", "weight", 50)));
        team().postJson(PATH, body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("variants[1].key");
        body.put("variants", List.of(Map.of("key", "a", "weight", 100)));
        team().postJson(PATH, body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("variants");
    }

    @Test
    void whenUnknownFieldThenRejectedByName() {
        var body = new java.util.HashMap<String, Object>(Api.validBody());
        body.put("colour", "blue");
        team().postJson(PATH, body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("colour")
                .jsonPath("$.errors[0].message")
                .value(String.class, m -> assertThat(m).startsWith("unknown field"));
    }

    @Test
    void whenBodyIsNotJsonThenProblem() {
        team().post()
                .uri(PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{not json")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:validation");
        team().post()
                .uri(PATH)
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("hello")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:unsupported-media-type");
    }

    @Test
    void whenNoInternalTokenThen401() {
        web.get()
                .uri(PATH)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:unauthorized");
    }

    @Test
    void whenAnotherOrganisationReadsThenNotFoundAsIfAbsent() {
        String id = team().create();
        otherTeam()
                .get()
                .uri(PATH + "/" + id)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:not-found")
                .jsonPath("$.detail")
                .isEqualTo("no experiment '" + id + "'");
        otherTeam()
                .patch()
                .uri(PATH + "/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "x"))
                .exchange()
                .expectStatus()
                .isNotFound();
        otherTeam()
                .post()
                .uri(PATH + "/" + id + "/start")
                .exchange()
                .expectStatus()
                .isNotFound();
        team().get().uri(PATH + "/exp-does-not-exist").exchange().expectStatus().isNotFound();
        admin().get()
                .uri(PATH + "/" + id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"1\"");
    }

    @Test
    void whenListingThenOwnOrganisationOnlyNewestFirstAndFiltered() {
        String first = as("listers", "TEAM").create(Map.of("service", "list-a"));
        String second = as("listers", "TEAM").create(Map.of("service", "list-b"));
        as("listers", "TEAM")
                .post()
                .uri(PATH + "/" + second + "/start")
                .exchange()
                .expectStatus()
                .isOk();
        String foreign = as("strangers", "TEAM").create(Map.of("service", "list-a"));

        as("listers", "TEAM")
                .get()
                .uri(PATH)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[*].id")
                .isEqualTo(List.of(second, first));
        as("listers", "TEAM")
                .get()
                .uri(PATH + "?status=RUNNING")
                .exchange()
                .expectBody()
                .jsonPath("$.items[*].id")
                .isEqualTo(List.of(second));
        as("listers", "TEAM")
                .get()
                .uri(PATH + "?service=list-a")
                .exchange()
                .expectBody()
                .jsonPath("$.items[*].id")
                .isEqualTo(List.of(first));
        admin().get()
                .uri(PATH + "?service=list-a")
                .exchange()
                .expectBody()
                .jsonPath("$.items[*].id")
                .value(List.class, ids -> assertThat(ids).contains(first, foreign));
        team().get()
                .uri(PATH + "?status=running")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("status");
    }

    @Test
    void whenAdminCreatesThenItNamesTheOrganisation() {
        var body = new java.util.HashMap<String, Object>(Api.validBody());
        admin().postJson(PATH, body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("organisation");
        body.put("organisation", "demo");
        admin().postJson(PATH, body)
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.organisation")
                .isEqualTo("demo");
        body.put("organisation", "other");
        team().postJson(PATH, body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("organisation");
    }

    @Test
    void whenPatchedThenMergedVersionBumpedAndStaleIfMatchIs412() {
        String id = team().create();
        team().patch()
                .uri(PATH + "/" + id)
                .contentType(MediaType.valueOf("application/merge-patch+json"))
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .bodyValue(Map.of("name", "Renamed", "eligiblePopulation", 12000, "hypothesis", "new"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Renamed")
                .jsonPath("$.eligiblePopulation")
                .isEqualTo(12000)
                .jsonPath("$.service")
                .isEqualTo("parking-permit")
                .jsonPath("$.version")
                .isEqualTo(2);
        team().patch()
                .uri(PATH + "/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .bodyValue(Map.of("name", "Lost update"))
                .exchange()
                .expectStatus()
                .isEqualTo(412)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:precondition-failed");
        team().get()
                .uri(PATH + "/" + id)
                .exchange()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Renamed");
        team().patch()
                .uri(PATH + "/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "RUNNING"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("status");
    }

    @Test
    void whenVariantsChangeOutsideDraftThenConflictAndUnchanged() {
        String id = team().create();
        var newVariants = Map.of(
                "variants", List.of(Map.of("key", "control", "weight", 30), Map.of("key", "simplified", "weight", 70)));
        team().patch()
                .uri(PATH + "/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(newVariants)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.variants[0].weight")
                .isEqualTo(30);
        team().post().uri(PATH + "/" + id + "/start").exchange().expectStatus().isOk();
        team().patch()
                .uri(PATH + "/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("controlVariant", "simplified"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:conflict")
                .jsonPath("$.detail")
                .value(String.class, d -> assertThat(d).contains("only in DRAFT"));
        team().patch()
                .uri(PATH + "/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Still renamable while running"))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void whenLifecycleFollowedThenDecisionRecordedAndIllegalMovesAre409() {
        String id = team().create();
        team().post()
                .uri(PATH + "/" + id + "/pause")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .value(String.class, d -> assertThat(d).contains("DRAFT"));
        team().post()
                .uri(PATH + "/" + id + "/start")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("RUNNING")
                .jsonPath("$.startedAt")
                .isNotEmpty();
        team().post()
                .uri(PATH + "/" + id + "/pause")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PAUSED");
        team().postJson(PATH + "/" + id + "/complete", Map.of("outcome", "MAYBE"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .isEqualTo(List.of("outcome", "rationale"));
        team().postJson(PATH + "/" + id + "/complete", Map.of("outcome", "ITERATE", "rationale", "too slow"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("COMPLETED")
                .jsonPath("$.decision.outcome")
                .isEqualTo("ITERATE")
                .jsonPath("$.decision.rationale")
                .isEqualTo("too slow")
                .jsonPath("$.completedAt")
                .isNotEmpty()
                .jsonPath("$.version")
                .isEqualTo(4);
        team().post().uri(PATH + "/" + id + "/start").exchange().expectStatus().isEqualTo(409);
        team().post()
                .uri(PATH + "/" + id + "/archive")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ARCHIVED");
        team().patch()
                .uri(PATH + "/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "too late"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .value(String.class, d -> assertThat(d).contains("ARCHIVED"));
        team().get()
                .uri(PATH + "/" + id)
                .exchange()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(5)
                .jsonPath("$.status")
                .isEqualTo("ARCHIVED");
    }

    @Test
    void whenFollowUpNamesPredecessorThenPredecessorListsIt() {
        String first = team().create();
        String next = team().create(Map.of("iterationOf", first));
        team().get()
                .uri(PATH + "/" + first)
                .exchange()
                .expectBody()
                .jsonPath("$.iterations")
                .isEqualTo(List.of(next));
        team().get()
                .uri(PATH + "/" + next)
                .exchange()
                .expectBody()
                .jsonPath("$.iterationOf")
                .isEqualTo(first)
                .jsonPath("$.iterations")
                .isEmpty();
        String foreign = otherTeam().create();
        team().postJson(PATH, withIterationOf(foreign))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("iterationOf");
        team().postJson(PATH, withIterationOf("exp-missing")).expectStatus().isBadRequest();
    }

    @Test
    void whenInjectionShapedInputThenTreatedAsData() {
        team().create();
        team().get()
                .uri(PATH + "/{id}", "{\"$gt\": \"\"}")
                .exchange()
                .expectStatus()
                .isNotFound();
        team().get().uri(PATH + "/{id}", "$where").exchange().expectStatus().isNotFound();
        team().get()
                .uri(PATH + "?service={s}", "{\"$ne\": null}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        team().get()
                .uri(PATH + "?status={s}", "{\"$ne\": \"DRAFT\"}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        team().postJson(PATH, withIterationOf(Map.of("$ne", "x")))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("iterationOf");
        var body = new java.util.HashMap<String, Object>(Api.validBody());
        body.put("name", Map.of("$gt", ""));
        team().postJson(PATH, body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("name");
        body.put("name", "{\"$where\": \"sleep(1000)\"}");
        team().postJson(PATH, body)
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("{\"$where\": \"sleep(1000)\"}");
    }

    @Test
    void whenLifecycleCallCarriesAStaleIfMatchThen412AndNothingChanges() {
        String id = team().create();
        team().post()
                .uri(PATH + "/" + id + "/start")
                .header(HttpHeaders.IF_MATCH, "\"7\"")
                .exchange()
                .expectStatus()
                .isEqualTo(412)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:precondition-failed");
        team().get()
                .uri(PATH + "/" + id)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DRAFT");
        team().post()
                .uri(PATH + "/" + id + "/start")
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"2\"");
    }

    @Test
    void whenRouteOrMethodIsUnknownThenProblemDocument() {
        team().get()
                .uri("/api/v1/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:not-found");
        team().patch()
                .uri(PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static Map<String, Object> withIterationOf(Object value) {
        var body = new java.util.HashMap<String, Object>(Api.validBody());
        body.put("iterationOf", value);
        return body;
    }
}
