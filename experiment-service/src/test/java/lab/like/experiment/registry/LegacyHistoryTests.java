package lab.like.experiment.registry;

import static lab.like.experiment.registry.HistoryTests.history;
import static lab.like.experiment.registry.HistoryTests.read;
import static lab.like.experiment.registry.HistoryTests.strings;
import static lab.like.experiment.support.Api.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import lab.like.experiment.support.Api;
import lab.like.experiment.support.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import tools.jackson.databind.JsonNode;

/** Documents stored before histories (and sequentialTesting) existed get a first history from what they know. */
class LegacyHistoryTests extends IntegrationTest {

    private static final Instant CREATED = Instant.parse("2026-09-01T08:00:00Z");
    private static final Instant STARTED = Instant.parse("2026-09-02T08:00:00Z");
    private static final Instant COMPLETED = Instant.parse("2026-10-15T12:30:00Z");

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void whenAnOldCompletedDocumentIsReadThenItsHistoryIsRebuiltAndStoredWithTheNextChange() {
        String id = "exp-legacy-" + UUID.randomUUID();
        Document old = oldDocument(id, "COMPLETED", 4)
                .append("startedAt", Date.from(STARTED))
                .append("completedAt", Date.from(COMPLETED))
                .append("updatedAt", Date.from(COMPLETED))
                .append("decision", new Document("outcome", "SCALE").append("rationale", "clear win"));
        mongo.insert(old, "experiments").block();

        Api team = as("demo-team", "demo", "TEAM");
        assertThat(read(team, PATH + "/" + id).get("sequentialTesting").booleanValue())
                .isTrue();
        JsonNode items = history(team, id);
        assertThat(items.size()).isEqualTo(3);
        JsonNode created = items.get(0);
        assertThat(created.get("version").longValue()).isEqualTo(1);
        assertThat(created.get("action").stringValue()).isEqualTo("created");
        assertThat(created.get("by").stringValue()).isEqualTo("unknown");
        assertThat(created.get("at").stringValue()).isEqualTo("2026-09-01T08:00:00Z");
        assertThat(created.get("to").stringValue()).isEqualTo("DRAFT");
        // version 4 means it was patched after creation: the fields set at creation are not known
        assertThat(created.get("changes").isEmpty()).isTrue();
        JsonNode started = items.get(1);
        assertThat(started.get("version").isNull()).isTrue();
        assertThat(started.get("action").stringValue()).isEqualTo("started");
        assertThat(started.get("at").stringValue()).isEqualTo("2026-09-02T08:00:00Z");
        assertThat(started.get("from").stringValue()).isEqualTo("DRAFT");
        assertThat(started.get("to").stringValue()).isEqualTo("RUNNING");
        JsonNode completed = items.get(2);
        assertThat(completed.get("version").longValue()).isEqualTo(4);
        assertThat(completed.get("action").stringValue()).isEqualTo("completed");
        assertThat(completed.get("by").stringValue()).isEqualTo("unknown");
        assertThat(completed.get("at").stringValue()).isEqualTo("2026-10-15T12:30:00Z");
        assertThat(completed.get("from").isNull()).isTrue();
        assertThat(completed.get("to").stringValue()).isEqualTo("COMPLETED");
        assertThat(completed.get("decision").get("outcome").stringValue()).isEqualTo("SCALE");
        assertThat(strings(completed.get("changes"))).containsExactly("status", "decision", "completedAt");

        team.post().uri(PATH + "/" + id + "/archive").exchange().expectStatus().isOk();
        JsonNode after = history(team, id);
        assertThat(after.valueStream().map(e -> e.get("action").stringValue()))
                .containsExactly("created", "started", "completed", "archived");
        assertThat(after.get(3).get("version").longValue()).isEqualTo(5);
        assertThat(after.get(3).get("by").stringValue()).isEqualTo("demo-team");
        Document stored = mongo.findById(id, Document.class, "experiments").block();
        assertThat(stored.getList("history", Document.class)).hasSize(4);
        assertThat(stored.get("spec", Document.class).getBoolean("sequentialTesting"))
                .isTrue();
    }

    @Test
    void whenAnOldDraftIsReadThenItsOnlyEntryIsTheCreationWithItsFields() {
        String id = "exp-legacy-" + UUID.randomUUID();
        mongo.insert(oldDocument(id, "DRAFT", 1), "experiments").block();
        JsonNode items = history(team(), id);
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).get("version").longValue()).isEqualTo(1);
        assertThat(strings(items.get(0).get("changes")))
                .containsExactly(
                        "name",
                        "service",
                        "variants",
                        "controlVariant",
                        "primaryKpi",
                        "guardrailKpis",
                        "minimumStarters",
                        "sharedWithNetwork",
                        "sequentialTesting");
    }

    /** The shape experiment-service stored before this change: no history, no spec.sequentialTesting. */
    private static Document oldDocument(String id, String status, long version) {
        Document spec = new Document("name", "Legacy pilot")
                .append("hypothesis", null)
                .append("service", "parking-permit")
                .append(
                        "variants",
                        List.of(
                                new Document("key", "control").append("weight", 50),
                                new Document("key", "simplified").append("weight", 50)))
                .append("controlVariant", "control")
                .append("primaryKpi", "completion_rate")
                .append("guardrailKpis", List.of())
                .append("eligiblePopulation", null)
                .append("minimumStarters", 100)
                .append("sharedWithNetwork", false)
                .append("iterationOf", null);
        return new Document("_id", id)
                .append("organisation", "demo")
                .append("spec", spec)
                .append("status", status)
                .append("salt", "legacy-salt-0123456")
                .append("createdAt", Date.from(CREATED))
                .append("updatedAt", Date.from(CREATED))
                .append("version", version);
    }
}
