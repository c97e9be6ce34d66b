package lab.like.stack.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import lab.like.stack.GatewayClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The check against results documents served by a local HTTP server in place of the gateway. */
class ResultsCheckTest {

    private static final Map<String, String> DOCUMENTS =
            Map.of("/api/v1/experiments/exact/results", """
            {"eventsCounted":3,"variants":[
              {"variant":"control","subjects":2,"starters":1,"completers":1,"abandoners":0,"completions":1,
               "digitalCompletions":1,"feedbackResponses":1,"satisfiedResponses":1}]}
            """, "/api/v1/experiments/short/results", """
            {"eventsCounted":1,"variants":[
              {"variant":"control","subjects":1,"starters":0,"completers":0,"abandoners":0,"completions":0,
               "digitalCompletions":0,"feedbackResponses":0}]}
            """);

    private HttpServer server;
    private GatewayClient gateway;
    private String authorization;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String body = DOCUMENTS.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 503 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        gateway = new GatewayClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void journey(Tally tally, String experiment) {
        tally.count(experiment, "control", "a", "exposure", "web", 0);
        tally.count(experiment, "control", "a", "complete", "web", 0);
        tally.count(experiment, "control", "b", "feedback", "phone", 5);
    }

    @Test
    void whenTheDocumentEqualsTheTallyThenEveryCountIsExact() {
        Tally tally = new Tally();
        journey(tally, "exact");

        ResultsCheck.Outcome outcome = ResultsCheck.check(gateway, "analyst", tally);

        assertThat(authorization).isEqualTo("Bearer analyst");
        assertThat(outcome.exact()).isTrue();
        assertThat(outcome.rows()).singleElement().satisfies(row -> assertThat(row.actual())
                .containsExactly(row.expected()));
        assertThat(outcome.countedEvents()).isEqualTo(3).isEqualTo(outcome.expectedEvents());
    }

    @Test
    void whenCountsEventsAVariantOrTheDocumentAreMissingThenTheyDiffer() {
        Tally tally = new Tally();
        journey(tally, "short");
        tally.declare("short", "simplified");
        journey(tally, "down");

        ResultsCheck.Outcome outcome = ResultsCheck.check(gateway, "analyst", tally, List.of("short", "down"));

        assertThat(outcome.exact()).isFalse();
        ResultsCheck.Experiment partial = outcome.experiments().get(0);
        assertThat(partial.id()).isEqualTo("short");
        assertThat(partial.expectedEvents()).isEqualTo(3);
        assertThat(partial.countedEvents()).isEqualTo(1);
        assertThat(partial.unreadable()).isNull();
        assertThat(partial.rows()).extracting(ResultsCheck.Row::variant).containsExactly("control", "simplified");
        // a count missing from the document is -1, not 0
        assertThat(partial.rows().get(0).actual()).containsExactly(1, 0, 0, 0, 0, 0, 0, -1);
        assertThat(partial.rows().get(0).expected()).containsExactly(2, 1, 1, 0, 1, 1, 1, 1);
        // a variant missing from the document is all -1, even where nothing is expected
        assertThat(partial.rows().get(1).actual()).containsExactly(-1, -1, -1, -1, -1, -1, -1, -1);
        assertThat(partial.rows().get(1).exact()).isFalse();

        ResultsCheck.Experiment down = outcome.experiments().get(1);
        assertThat(down.unreadable()).isEqualTo("503");
        assertThat(down.countedEvents()).isEqualTo(-1);
        assertThat(down.rows()).singleElement().satisfies(row -> assertThat(row.actual())
                .containsOnly(-1));
        assertThat(outcome.unreadable()).containsExactly("down (503)");
        assertThat(outcome.rows()).hasSize(2); // the unreadable experiment's rows are not among them
        assertThat(outcome.differences()).isEqualTo(3);
        assertThat(outcome.expectedEvents()).isEqualTo(6);
        assertThat(outcome.countedEvents()).isEqualTo(1);
    }
}
