package lab.like.metrics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One e-service across three organisations: the caller's own pilots (shared or not), a sharing organisation
 * (one pilot shared, one not) and an organisation that shares nothing. Real broker, real writers, real driver.
 */
class ComparisonIntegrationTest extends IntegrationTestBase {

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String service = "permit-" + run;
    final String own = "own-" + run;
    final String sharing = "sharing-" + run;
    final String hiding = "hiding-" + run;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    final PilotFixture ownRunning =
            PilotFixture.of(own + "-running", own, service, "RUNNING").started(now.minus(3, ChronoUnit.DAYS));
    final PilotFixture ownShared = PilotFixture.of(own + "-done", own, service, "COMPLETED")
            .started(now.minus(40, ChronoUnit.DAYS))
            .decided("SCALE", now.minus(10, ChronoUnit.DAYS))
            .sharedWithNetwork();
    final PilotFixture shared = PilotFixture.of(sharing + "-shared", sharing, service, "RUNNING")
            .started(now.minus(5, ChronoUnit.DAYS))
            .sharedWithNetwork();
    final PilotFixture sharingsSecret =
            PilotFixture.of(sharing + "-secret", sharing, service, "RUNNING").started(now.minus(6, ChronoUnit.DAYS));
    final PilotFixture hidden =
            PilotFixture.of(hiding + "-secret", hiding, service, "RUNNING").started(now.minus(7, ChronoUnit.DAYS));
    // a service only the hiding organisation runs, unshared: must look exactly like an unknown service
    final PilotFixture hiddenOnly = PilotFixture.of(hiding + "-only", hiding, "solo-" + run, "COMPLETED")
            .started(now.minus(9, ChronoUnit.DAYS))
            .decided("STOP", now.minus(1, ChronoUnit.DAYS));

    void publishAll() {
        for (PilotFixture p : List.of(ownRunning, ownShared, shared, sharingsSecret, hidden, hiddenOnly)) {
            p.publish(producer);
            p.totals(producer, "control", 400, 200);
            p.totals(producer, "b", 400, 260);
        }
        producer.flush();
        // everything has reached both read models once the admin's view shows every pilot with its values
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode all = read("/api/v1/services/" + service + "/comparison", "*", "ADMIN");
            // control and treatment totals may come on different partitions: wait for both sides of each pilot
            return all.path("experimentCount").asLong() == 5
                    && all.findValues("bestTreatment").stream()
                                    .filter(JsonNode::isObject)
                                    .count()
                            >= 5 * 3
                    && all.findValues("completion_rate").stream()
                                    .filter(kpi ->
                                            kpi.path("control").path("value").isNumber())
                                    .count()
                            == 5;
        });
        await().atMost(Duration.ofSeconds(60))
                .until(() -> read("/api/v1/services/solo-" + run + "/comparison", "*", "ADMIN")
                                .path("experimentCount")
                                .asLong()
                        == 1);
    }

    @Test
    void whenComparingAServiceThenOwnAndSharedPilotsAppearPerOrganisationAndNothingElse() {
        publishAll();
        JsonNode view = read("/api/v1/services/" + service + "/comparison", own, "TEAM");
        assertThat(view.path("service").asString()).isEqualTo(service);
        assertThat(view.path("organisationCount").asLong()).isEqualTo(2);
        assertThat(view.path("experimentCount").asLong()).isEqualTo(3);
        JsonNode orgs = view.path("organisations");
        assertThat(orgs.get(0).path("organisation").asString()).isEqualTo(own);
        assertThat(orgs.get(0).path("own").asBoolean()).isTrue();
        assertThat(ids(orgs.get(0).path("experiments"))).containsExactly(ownRunning.id(), ownShared.id());
        assertThat(orgs.get(1).path("organisation").asString()).isEqualTo(sharing);
        assertThat(orgs.get(1).path("own").asBoolean()).isFalse();
        assertThat(ids(orgs.get(1).path("experiments"))).containsExactly(shared.id());

        JsonNode done = orgs.get(0).path("experiments").get(1);
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("decision").path("outcome").asString()).isEqualTo("SCALE");
        assertThat(done.path("sharedWithNetwork").asBoolean()).isTrue();
        assertThat(done.path("bestTreatment").asString()).isEqualTo("b");
        JsonNode completion = done.path("kpis").path("completion_rate");
        assertThat(completion.path("control").path("value").asDouble()).isEqualTo(0.5);
        assertThat(completion.path("control").path("ci95").get(0).asDouble()).isCloseTo(0.4512, within(1e-4));
        assertThat(completion.path("bestTreatment").path("value").asDouble()).isEqualTo(0.65);
        assertThat(completion.path("bestTreatment").path("ci95").get(1).asDouble())
                .isCloseTo(0.6951, within(1e-4));
        assertThat(done.path("kpis")
                        .path("digital_take_up")
                        .path("bestTreatment")
                        .path("value")
                        .asDouble())
                .isEqualTo(1.0);
        assertThat(done.path("kpis")
                        .path("satisfaction")
                        .path("control")
                        .path("value")
                        .isNull())
                .isTrue();

        // the sharing organisation sees its own secret and the other's shared pilot; the hiding one sees its own
        JsonNode asSharing = read("/api/v1/services/" + service + "/comparison", sharing, "ANALYST");
        assertThat(organisations(asSharing)).containsExactly(sharing, own);
        assertThat(ids(asSharing.path("organisations").get(0).path("experiments")))
                .containsExactlyInAnyOrder(shared.id(), sharingsSecret.id());
        assertThat(ids(asSharing.path("organisations").get(1).path("experiments")))
                .containsExactly(ownShared.id());
        JsonNode asHiding = read("/api/v1/services/" + service + "/comparison", hiding, "TEAM");
        assertThat(organisations(asHiding)).containsExactly(hiding, own, sharing);
        assertThat(asHiding.path("experimentCount").asLong()).isEqualTo(3);
        // an admin sees every pilot, or one organisation's view
        assertThat(organisations(read("/api/v1/services/" + service + "/comparison", "*", "ADMIN")))
                .containsExactly(hiding, own, sharing);
        assertThat(read("/api/v1/services/" + service + "/comparison?organisation=" + own, "*", "ADMIN")
                        .path("organisations"))
                .isEqualTo(view.path("organisations"));
    }

    /**
     * Every path and parameter variant a caller of {@code own} could try; none may show a pilot that another
     * organisation did not share, and a service only others run unshared answers exactly like an unknown one.
     */
    @Test
    void whenEveryVariantIsTriedThenAnUnsharedPilotNeverAppearsAndItsExistenceCannotBeInferred() {
        publishAll();
        List<String> secrets = List.of(sharingsSecret.id(), hidden.id(), hiddenOnly.id(), hiding);
        String base = "/api/v1/services/";
        List<String> paths = new ArrayList<>();
        for (String s : List.of(service, "solo-" + run)) {
            String upper = s.toUpperCase(java.util.Locale.ROOT);
            paths.addAll(List.of(
                    base + s + "/comparison",
                    base + s + "/comparison/",
                    base + upper + "/comparison",
                    base + s.replace("-", "%2D") + "/comparison",
                    base + s.replace("-", "%2d") + "/comparison",
                    base + s + "%2Fcomparison",
                    base + s + ";x=1/comparison",
                    base + s + "/comparison;organisation=" + hiding,
                    base + "%20" + s + "/comparison",
                    base + s + "%00/comparison",
                    base + "./" + s + "/comparison",
                    base + s + "/../" + s + "/comparison",
                    base + s + "/comparison?organisation=" + hiding,
                    base + s + "/comparison?organisation=" + hiding.toUpperCase(java.util.Locale.ROOT),
                    base + s + "/comparison?organisation=*",
                    base + s + "/comparison?organisation=%2A",
                    base + s + "/comparison?organisation=" + own + "&organisation=" + hiding,
                    base + s + "/comparison?Organisation=" + hiding,
                    base + s + "/comparison?sharedWithNetwork=false",
                    base + s + "/comparison?all=true",
                    base + s + "/comparison?id=" + hidden.id(),
                    "/api/v1/portfolio?organisation=" + hiding,
                    "/api/v1/portfolio?organisation=" + sharing,
                    "/api/v1/portfolio/",
                    "/api/v1/portfolio?service=" + s));
        }
        List<String> organisationHeaders = List.of(own, own.toUpperCase(java.util.Locale.ROOT), own + ",*");
        List<String> roleHeaders = List.of("TEAM", "ANALYST", "TEAM,EMITTER", "EMITTER", "admin", "");
        int answered = 0;
        for (String path : paths) {
            for (String org : organisationHeaders) {
                for (String roles : roleHeaders) {
                    var result = http.get()
                            .uri(URI.create("http://localhost:" + port + path))
                            .header(HttpHeaders.AUTHORIZATION, identity(org, roles))
                            .exchange()
                            .expectBody(String.class)
                            .returnResult();
                    String body = withoutInstance(result.getResponseBody());
                    for (String secret : secrets) {
                        assertThat(body)
                                .as("%s as %s/%s answered %s", path, org, roles, result.getStatus())
                                .doesNotContain(secret);
                    }
                    assertThat(result.getStatus().value())
                            .as("%s as %s/%s", path, org, roles)
                            .isIn(200, 400, 403, 404);
                    answered++;
                }
            }
        }
        assertThat(answered).isEqualTo(paths.size() * 18);

        // same status, same shape, same bytes (but the names) for an unknown service and one only others run
        for (String roles : List.of("TEAM", "ANALYST")) {
            JsonNode unknown = normalised(read(base + "unknown-" + run + "/comparison", own, roles));
            JsonNode othersOnly = normalised(read(base + "solo-" + run + "/comparison", own, roles));
            assertThat(othersOnly).isEqualTo(unknown);
            assertThat(othersOnly.path("organisations")).isEmpty();
        }
        // another organisation named by a non-admin is forbidden whether it exists or not, in the same words
        String forbiddenExisting = problem(base + service + "/comparison?organisation=" + hiding);
        String forbiddenUnknown = problem(base + service + "/comparison?organisation=nobody-" + run);
        assertThat(forbiddenExisting).isEqualTo(forbiddenUnknown).contains("urn:likelab:problem:forbidden");
        // the counts of the sharing organisation's view do not move because the hiding one runs pilots
        assertThat(read(base + service + "/comparison", own, "TEAM")
                        .path("experimentCount")
                        .asLong())
                .isEqualTo(3);
    }

    @Test
    void whenTheServiceIsNotASlugThenABadRequestNamesTheField() {
        http.get()
                .uri("/api/v1/services/Parking_Permit/comparison")
                .header(HttpHeaders.AUTHORIZATION, identity("demo", "TEAM"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("service");
    }

    private String problem(String path) {
        return http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, identity(own, "TEAM"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** A problem's {@code instance} echoes the path the caller typed; everything else must be free of secrets. */
    private static String withoutInstance(String body) {
        if (body == null || !body.startsWith("{")) return body == null ? "" : body;
        ObjectNode node = (ObjectNode) Scenario.JSON.readTree(body);
        node.remove("instance");
        return node.toString();
    }

    private static JsonNode normalised(JsonNode view) {
        ObjectNode copy = (ObjectNode) view.deepCopy();
        copy.remove("asOf");
        copy.remove("service");
        return copy;
    }

    JsonNode read(String path, String org, String roles) {
        String body = http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, identity(org, roles))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return Scenario.JSON.readTree(body);
    }

    private static List<String> ids(JsonNode experiments) {
        List<String> out = new ArrayList<>();
        experiments.forEach(e -> out.add(e.path("id").asString()));
        return out;
    }

    private static List<String> organisations(JsonNode view) {
        List<String> out = new ArrayList<>();
        view.path("organisations").forEach(o -> out.add(o.path("organisation").asString()));
        return out;
    }
}
