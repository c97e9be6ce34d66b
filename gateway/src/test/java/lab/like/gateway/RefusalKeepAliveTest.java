package lab.like.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A keep-alive connection stays usable whatever the gateway answers on it. A request refused without reading
 * its body, whose body already arrived with its headers: the next request is forwarded and answered (issue 10's
 * fuzz found such next requests acknowledged by TCP and never answered; headers and body in one write, as here,
 * is the case that got stuck). A forwarded request followed at once by one the gateway answers itself: that one
 * is answered too (Reactor Netty before 1.3.8 buffered it while the forwarded exchange was still ending and then
 * stopped reading the connection, about 1 round in 30 here; CI saw it as a 20 s timeout).
 */
class RefusalKeepAliveTest extends GatewayTestSupport {

    private static final int ROUNDS = 50;

    /** Before the fix, 300 rounds passed with a chance of about 1 in 10,000. */
    private static final int FORWARDED_ROUNDS = 300;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "415 wrong content type | POST /api/v1/events | Authorization: Bearer dev-team-key"
                        + "\\r\\nContent-Type: application/xml | 415",
                "401 no key | POST /api/v1/events | Content-Type: application/json | 401",
                "403 role | POST /api/v1/experiments | Authorization: Bearer dev-analyst-key"
                        + "\\r\\nContent-Type: application/json | 403",
                "400 non-canonical path | POST /api;x/v1/events | Authorization: Bearer dev-team-key"
                        + "\\r\\nContent-Type: application/json | 400",
            })
    void theNextRequestOnTheConnectionIsAnswered(String name, String requestLine, String headers, int refusal)
            throws IOException {
        String body = "[{\"eventId\":\"e-1\",\"experimentId\":\"exp-1\",\"subjectId\":\"citizen-1\",\"type\":\"start\","
                + "\"occurredAt\":\"2026-12-02T06:00:00Z\",\"note\":\"" + "p".repeat(100) + "\"}]";
        String refused = requestLine.trim() + " HTTP/1.1\r\nHost: localhost\r\n" + headers.replace("\\r\\n", "\r\n")
                + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        String next = "GET /api/v1/experiments?limit=1 HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer dev-team-key\r\n\r\n";
        assertAlternating(refused, refusal, next, 200, ROUNDS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a refusal outside the API | /nothing | | 404",
                "a refusal inside the API | /api/v1/nothing | dev-team-key | 404",
                "a health check | /actuator/health/liveness | | 200",
            })
    void aRequestAnsweredByTheGatewayRightAfterAForwardedOneIsAnswered(String name, String path, String key, int status)
            throws IOException {
        String forwarded = "GET /api/v1/experiments?limit=1 HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer dev-team-key\r\n\r\n";
        String local = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + (key == null ? "" : "Authorization: Bearer " + key + "\r\n") + "\r\n";
        assertAlternating(forwarded, 200, local, status, FORWARDED_ROUNDS);
    }

    /**
     * Sends {@code first} and {@code second} in turn on one connection, each in one write and after the previous
     * response was read, and checks every status; a read timeout is the defect these tests look for.
     */
    private void assertAlternating(String first, int firstStatus, String second, int secondStatus, int rounds)
            throws IOException {
        List<Integer> statuses = new ArrayList<>();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < rounds; i++) {
                for (String request : List.of(first, second)) {
                    out.write(request.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    statuses.add(readResponse(in));
                }
            }
        }
        for (int i = 0; i < statuses.size(); i++) {
            assertThat(statuses.get(i)).as("response %d", i).isEqualTo(i % 2 == 0 ? firstStatus : secondStatus);
        }
    }

    /** Reads one HTTP/1.1 response with a Content-Length body and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(
                        line.substring("content-length:".length()).trim());
            }
        }
        assertThat(text).as("a Content-Length response").containsIgnoringCase("content-length:");
        in.readNBytes(length);
        return Integer.parseInt(text.substring(9, 12));
    }
}
