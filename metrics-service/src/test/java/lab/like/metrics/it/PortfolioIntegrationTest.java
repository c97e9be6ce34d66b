package lab.like.metrics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The portfolio of one organisation from pilots on the real {@code experiments} topic and totals on the real
 * {@code kpi-aggregates} topic, through the real writers into mongo-java-server: a chain of three iterations,
 * decisions of every outcome, two pilots waiting for a decision, one still collecting, one draft.
 */
class PortfolioIntegrationTest extends IntegrationTestBase {

    @Autowired
    MeterRegistry registry;

    @Test
    void whenPilotsIterateAndDecideThenThePortfolioCountsChainsDecisionsAndWaitingPilotsExactly() {
        String org = "p-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String a1 = org + "-a1", a2 = org + "-a2", a3 = org + "-a3";
        List<PilotFixture> pilots = List.of(
                PilotFixture.of(a1, org, "parking-permit", "COMPLETED")
                        .started(days(now, 100))
                        .decided("ITERATE", days(now, 70)),
                PilotFixture.of(a2, org, "parking-permit", "COMPLETED")
                        .started(days(now, 60))
                        .decided("ITERATE", days(now, 40))
                        .iterationOf(a1),
                PilotFixture.of(a3, org, "parking-permit", "RUNNING")
                        .started(days(now, 30))
                        .iterationOf(a2),
                PilotFixture.of(org + "-scaled", org, "library-card", "COMPLETED")
                        .started(days(now, 20))
                        .decided("SCALE", days(now, 10)),
                PilotFixture.of(org + "-stopped", org, "library-card", "ARCHIVED")
                        .started(days(now, 50))
                        .decided("STOP", days(now, 45)),
                PilotFixture.of(org + "-harmful", org, "waste-pickup", "PAUSED").started(days(now, 12)),
                PilotFixture.of(org + "-young", org, "waste-pickup", "RUNNING").started(days(now, 2)),
                PilotFixture.of(org + "-draft", org, "waste-pickup", "DRAFT"));
        pilots.forEach(p -> p.publish(producer));
        // the chain's treatment improves 0.55 -> 0.62 -> 0.80; a3 and harmful are decisive, young is too small
        totals(pilots.get(0), 1000, 500, 1000, 550);
        totals(pilots.get(1), 1000, 500, 1000, 620);
        totals(pilots.get(2), 1000, 500, 1000, 800);
        totals(pilots.get(5), 1000, 800, 1000, 500);
        totals(pilots.get(6), 40, 20, 40, 30);
        producer.flush();

        JsonNode portfolio = awaitPortfolio(
                org,
                p -> p.path("waitingForDecision").size() == 2
                        && p.path("waitingForDecision")
                                .get(1)
                                .path("recommendingSince")
                                .isString()
                        && p.path("iterationChains")
                                .path(0)
                                .path("steps")
                                .path(2)
                                .path("bestTreatment")
                                .isObject());

        assertThat(portfolio.path("organisation").asString()).isEqualTo(org);
        assertThat(portfolio.path("pilots").asLong()).isEqualTo(8);
        assertThat(Scenario.JSON.convertValue(portfolio.path("pilotsByStatus"), java.util.Map.class))
                .containsExactly(
                        java.util.Map.entry("DRAFT", 1),
                        java.util.Map.entry("RUNNING", 2),
                        java.util.Map.entry("PAUSED", 1),
                        java.util.Map.entry("COMPLETED", 3),
                        java.util.Map.entry("ARCHIVED", 1));
        assertThat(Scenario.JSON.convertValue(portfolio.path("decisions"), java.util.Map.class))
                .containsExactly(
                        java.util.Map.entry("SCALE", 1),
                        java.util.Map.entry("ITERATE", 2),
                        java.util.Map.entry("STOP", 1));

        // 30, 20, 10 and 5 days from start to decision
        JsonNode times = portfolio.path("daysToDecision");
        assertThat(times.path("decided").asLong()).isEqualTo(4);
        assertThat(times.path("medianDays").asDouble()).isEqualTo(15.0);
        assertThat(counts(times.path("distribution"))).containsExactly(1L, 1L, 1L, 1L, 0L, 0L);
        assertThat(times.path("distribution").get(5).path("toDays").isNull()).isTrue();

        JsonNode chains = portfolio.path("iterationChains");
        assertThat(chains).hasSize(1);
        JsonNode steps = chains.get(0).path("steps");
        assertThat(chains.get(0).path("first").asString()).isEqualTo(a1);
        assertThat(chains.get(0).path("length").asInt()).isEqualTo(3);
        assertThat(ids(steps)).containsExactly(a1, a2, a3);
        assertThat(values(steps, "bestTreatment")).containsExactly(0.55, 0.62, 0.80);
        assertThat(values(steps, "control")).containsExactly(0.5, 0.5, 0.5);
        assertThat(steps.get(0).path("changeFromPrevious").isNull()).isTrue();
        assertThat(steps.get(1).path("changeFromPrevious").asDouble()).isCloseTo(0.07, within(1e-9));
        assertThat(steps.get(2).path("changeFromPrevious").asDouble()).isCloseTo(0.18, within(1e-9));
        assertThat(steps.get(2).path("improvedOnPrevious").asBoolean()).isTrue();
        JsonNode last = steps.get(2).path("bestTreatment");
        assertThat(last.path("variant").asString()).isEqualTo("b");
        assertThat(last.path("numerator").asLong()).isEqualTo(800);
        assertThat(last.path("denominator").asLong()).isEqualTo(1000);
        assertThat(last.path("ci95").get(0).asDouble()).isCloseTo(0.7741, within(1e-4));
        assertThat(last.path("ci95").get(1).asDouble()).isCloseTo(0.8236, within(1e-4));
        assertThat(steps.get(0).path("decision").asString()).isEqualTo("ITERATE");

        JsonNode waiting = portfolio.path("waitingForDecision");
        assertThat(ids(waiting)).containsExactlyInAnyOrder(a3, org + "-harmful");
        for (JsonNode w : waiting) {
            boolean scale = w.path("id").asString().equals(a3);
            assertThat(w.path("recommendation").asString()).isEqualTo(scale ? "SCALE" : "STOP");
            assertThat(w.path("status").asString()).isEqualTo(scale ? "RUNNING" : "PAUSED");
            assertThat(w.path("runningDays").asDouble()).isEqualTo(scale ? 30.0 : 12.0);
            assertThat(Instant.parse(w.path("recommendingSince").asString())).isBetween(now, Instant.now());
            assertThat(w.path("waitingDays").asDouble()).isZero();
        }

        // all four decisions fall in the current or the previous quarter
        JsonNode rate = portfolio.path("learningRate");
        assertThat(rate.path("decisionsPerQuarter").asDouble()).isEqualTo(1.0);
        JsonNode quarters = rate.path("quarters");
        long total = 0;
        for (JsonNode q : quarters) total += q.path("decisions").asLong();
        assertThat(total).isEqualTo(4);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        assertThat(quarters.get(quarters.size() - 1).path("quarter").asString())
                .isEqualTo(today.getYear() + "-Q" + today.get(IsoFields.QUARTER_OF_YEAR));

        // the gauges of this organisation, refreshed every second here
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(gauge("likelab.portfolio.pilots", org, "status", "RUNNING"))
                    .isEqualTo(2.0);
            assertThat(gauge("likelab.portfolio.pilots", org, "status", "ARCHIVED"))
                    .isEqualTo(1.0);
            assertThat(gauge("likelab.portfolio.decisions", org, "outcome", "ITERATE"))
                    .isEqualTo(2.0);
            assertThat(registry.get("likelab.portfolio.waiting")
                            .tag("organisation", org)
                            .gauge()
                            .value())
                    .isEqualTo(2.0);
            assertThat(registry.get("likelab.portfolio.decision.days.median")
                            .tag("organisation", org)
                            .gauge()
                            .value())
                    .isEqualTo(15.0);
        });

        // an admin names the organisation and gets the same figures; without it, the network includes them
        JsonNode asAdmin = read("/api/v1/portfolio?organisation=" + org, "*", "ADMIN");
        assertThat(asAdmin.path("pilotsByStatus")).isEqualTo(portfolio.path("pilotsByStatus"));
        assertThat(asAdmin.path("iterationChains")).isEqualTo(portfolio.path("iterationChains"));
        JsonNode network = read("/api/v1/portfolio", "*", "ADMIN");
        assertThat(network.path("organisation").isNull()).isTrue();
        assertThat(network.path("pilots").asLong()).isGreaterThanOrEqualTo(8);
        assertThat(ids(network.path("waitingForDecision"))).contains(a3, org + "-harmful");
        // another organisation sees none of it
        JsonNode other = read("/api/v1/portfolio", org + "-x", "TEAM");
        assertThat(other.path("pilots").asLong()).isZero();
        assertThat(other.toString()).doesNotContain(org + "-a");
    }

    @Test
    void whenTheQueryOrTheCallerIsWrongThenProblemDocumentsNameTheReason() {
        problem("/api/v1/portfolio?organisation=Not_A_Slug", "*", "ADMIN", 400, "validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("organisation");
        problem("/api/v1/portfolio?org=demo", "demo", "TEAM", 400, "validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("org")
                .jsonPath("$.errors[0].message")
                .isEqualTo("unknown parameter");
        problem("/api/v1/portfolio?organisation=a&organisation=b", "*", "ADMIN", 400, "validation")
                .jsonPath("$.errors[0].message")
                .isEqualTo("given more than once");
        problem("/api/v1/portfolio?organisation=other", "demo", "TEAM", 403, "forbidden");
        problem("/api/v1/portfolio", "demo", "EMITTER", 403, "forbidden");
        problem("/api/v1/portfolio", "demo", null, 403, "forbidden");
        problem("/api/v1/portfolio", null, "TEAM", 401, "unauthorized");
        // naming one's own organisation is allowed
        assertThat(read("/api/v1/portfolio?organisation=demo", "demo", "ANALYST")
                        .path("organisation")
                        .asString())
                .isEqualTo("demo");
    }

    private void totals(PilotFixture p, long cStarters, long cCompleters, long bStarters, long bCompleters) {
        p.totals(producer, "control", cStarters, cCompleters);
        p.totals(producer, "b", bStarters, bCompleters);
    }

    private JsonNode awaitPortfolio(String org, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            last[0] = read("/api/v1/portfolio", org, "TEAM");
            return last[0].path("pilots").asLong() == 8 && ready.test(last[0]);
        });
        return last[0];
    }

    JsonNode read(String path, String org, String roles) {
        String body = http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, identity(org, roles))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return Scenario.JSON.readTree(body);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec problem(
            String path, String org, String roles, int status, String slug) {
        var request = http.get().uri(path);
        if (org != null) request = request.header(HttpHeaders.AUTHORIZATION, identity(org, roles));
        return request.exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:" + slug)
                .jsonPath("$.status")
                .isEqualTo(status);
    }

    private double gauge(String name, String org, String tag, String value) {
        return registry.get(name)
                .tag("organisation", org)
                .tag(tag, value)
                .gauge()
                .value();
    }

    private static Instant days(Instant now, long days) {
        return now.minus(days, ChronoUnit.DAYS);
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path("id").asString()));
        return out;
    }

    private static List<Double> values(JsonNode steps, String side) {
        List<Double> out = new ArrayList<>();
        steps.forEach(s -> out.add(s.path(side).path("value").asDouble()));
        return out;
    }

    private static List<Long> counts(JsonNode buckets) {
        List<Long> out = new ArrayList<>();
        buckets.forEach(b -> out.add(b.path("count").asLong()));
        return out;
    }
}
