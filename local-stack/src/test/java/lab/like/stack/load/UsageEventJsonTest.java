package lab.like.stack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsageEventJsonTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

    @Test
    void whenNoDurationAndNoScoreThenBothAreLeftOut() {
        assertThat(UsageEventJson.of("id-1", "exp-1", "citizen-1", "control", "start", "web", AT, -1, 0))
                .isEqualTo("{\"eventId\":\"id-1\",\"experimentId\":\"exp-1\",\"subjectId\":\"citizen-1\","
                        + "\"variant\":\"control\",\"type\":\"start\",\"channel\":\"web\","
                        + "\"occurredAt\":\"2026-03-01T10:15:30Z\"}");
    }

    @Test
    void whenADurationOrAScoreThenItFollowsTheTime() {
        assertThat(UsageEventJson.of("id-2", "exp-1", "c", "simplified", "complete", "app", AT, 0, 0))
                .endsWith("\"occurredAt\":\"2026-03-01T10:15:30Z\",\"durationMs\":0}");
        assertThat(UsageEventJson.of("id-3", "exp-1", "c", "simplified", "feedback", "mail", AT.plusMillis(5), -1, 4))
                .endsWith("\"occurredAt\":\"2026-03-01T10:15:30.005Z\",\"score\":4}");
    }
}
