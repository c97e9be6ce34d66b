package lab.like.experiment.registry;

import static lab.like.experiment.registry.HistoryTests.read;
import static lab.like.experiment.support.Api.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import lab.like.experiment.support.Api;
import lab.like.experiment.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/** The experiment list: newest first, {@code ?limit=} (default 100, at most 500) and keyset {@code ?cursor=}. */
class ListPagingTests extends IntegrationTest {

    @Autowired
    ExperimentRepository repository;

    @Test
    void whenPagedWithFiltersThenEveryMatchArrivesOnceNewestFirstAndInsertsDoNotShiftPages() {
        Api team = as("pagers", "TEAM");
        List<String> running = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            running.add(team.running(Map.of("service", "paged")));
            team.create(Map.of("service", "paged"));
            team.running(Map.of("service", "elsewhere"));
        }
        List<String> expected = new ArrayList<>(running);
        Collections.reverse(expected);

        JsonNode first = read(team, PATH + "?service=paged&status=RUNNING&limit=3");
        assertThat(ids(first)).isEqualTo(expected.subList(0, 3));
        String next = first.get("next").stringValue();
        // newer pilots created between two pages are not on the later pages, and shift nothing
        team.running(Map.of("service", "paged"));
        team.running(Map.of("service", "paged"));
        JsonNode second = read(team, uri("paged", "RUNNING", 3, next));
        assertThat(ids(second)).isEqualTo(expected.subList(3, 6));
        JsonNode third =
                read(team, uri("paged", "RUNNING", 3, second.get("next").stringValue()));
        assertThat(ids(third)).isEqualTo(expected.subList(6, 7));
        assertThat(third.get("next").isNull()).isTrue();
        assertThat(third.propertyNames()).containsExactly("items", "next");

        JsonNode exact = read(team, PATH + "?service=elsewhere&limit=7");
        assertThat(ids(exact)).hasSize(7);
        assertThat(exact.get("next").isNull()).isTrue();
        assertThat(ids(read(team, PATH + "?service=paged&limit=500"))).hasSize(16);
    }

    @Test
    void whenNoLimitIsGivenThenPagesOf100AndTiesOnCreatedAtAreBrokenById() {
        String organisation = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        Clock frozen = Clock.fixed(Instant.parse("2026-11-01T09:00:00Z"), ZoneOffset.UTC);
        Flux.range(0, 101)
                .concatMap(i -> repository.insert(Experiment.create(
                        new ExperimentId(String.format("exp-bulk-%03d", i)),
                        organisation,
                        Fixtures.spec(),
                        "salt-bulk-0123456",
                        "loader",
                        frozen)))
                .blockLast();
        Api team = as(organisation, "TEAM");
        JsonNode first = read(team, PATH);
        assertThat(ids(first)).hasSize(100);
        assertThat(ids(first).get(0)).isEqualTo("exp-bulk-100");
        assertThat(ids(first).get(99)).isEqualTo("exp-bulk-001");
        JsonNode last = read(team, PATH + "?cursor=" + first.get("next").stringValue());
        assertThat(ids(last)).containsExactly("exp-bulk-000");
        assertThat(last.get("next").isNull()).isTrue();
    }

    @Test
    void whenLimitOrCursorIsBadThen400NamingTheParameter() {
        for (String limit : List.of("0", "501", "-1", "abc", "1.5", "99999999999", "", "%20")) {
            badRequest(PATH + "?limit=" + limit, "limit");
        }
        String notACursor = Base64.getUrlEncoder().withoutPadding().encodeToString("not-a-cursor".getBytes());
        String badInstant = Base64.getUrlEncoder().withoutPadding().encodeToString("yesterday|exp-1".getBytes());
        for (String cursor : List.of("!!!", notACursor, badInstant, "%7B%22%24gt%22%3A%22%22%7D")) {
            badRequest(PATH + "?cursor=" + cursor, "cursor");
        }
    }

    private void badRequest(String uri, String field) {
        team().get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    private static String uri(String service, String status, int limit, String cursor) {
        return PATH + "?service=" + service + "&status=" + status + "&limit=" + limit + "&cursor=" + cursor;
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items")
                .valueStream()
                .map(n -> n.get("id").stringValue())
                .toList();
    }
}
