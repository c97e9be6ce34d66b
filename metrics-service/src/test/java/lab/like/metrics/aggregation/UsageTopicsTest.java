package lab.like.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageTopicsTest {

    // application.yml's likelab.metrics.topics.usage-pattern with the default names
    static final String PATTERN = "usage-events(\\.(?!dlt$)[A-Za-z0-9][A-Za-z0-9_-]*)?";
    final UsageTopics topics = new UsageTopics("usage-events", "usage-events.dlt");

    @Test
    void whenATopicIsNamedThenItsOriginIsTheInternalTopicAnOrganisationOrNone() {
        assertThat(topics.origin("usage-events")).contains(Origin.INTERNAL);
        assertThat(topics.origin("usage-events.demo")).contains(Origin.organisation("demo"));
        assertThat(topics.origin("usage-events.dlt")).isEmpty();
        assertThat(topics.origin("usage-events.a.b")).isEqualTo(Optional.empty());
        assertThat(topics.origin("usage-events.")).isEmpty();
        assertThat(topics.origin("kpi-aggregates")).isEmpty();
    }

    @Test
    void whenTheDefaultPatternIsCheckedThenItPasses() {
        topics.requireSourcePattern(PATTERN, List.of("demo", "other", "Org_2"));
    }

    @Test
    void whenThePatternMatchesTheDeadLetterTopicThenTheStartFails() {
        assertThatThrownBy(() -> topics.requireSourcePattern("usage-events.*", List.of("demo")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must not match usage-events.dlt");
    }

    @Test
    void whenThePatternMissesTheInternalOrAnOrganisationTopicThenTheStartFails() {
        assertThatThrownBy(() -> topics.requireSourcePattern("usage-events\\.demo", List.of("demo")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must match usage-events");
        assertThatThrownBy(() -> topics.requireSourcePattern("usage-events(\\.demo)?", List.of("demo", "other")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("usage-event source pattern 'usage-events(\\.demo)?' does not match usage-events.other");
    }

    @Test
    void whenAnOrganisationNameCannotNameATopicThenItIsRefused() {
        for (String name : List.of("dlt", "a.b", "", "-x", "ä")) {
            assertThatThrownBy(() -> topics.topicOf(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
