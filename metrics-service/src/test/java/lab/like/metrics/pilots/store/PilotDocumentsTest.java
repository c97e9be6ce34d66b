package lab.like.metrics.pilots.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import lab.like.metrics.aggregation.ExperimentStatus;
import lab.like.metrics.pilots.Outcome;
import lab.like.metrics.pilots.Pilot;
import org.junit.jupiter.api.Test;

/** The two pilots PilotJsonTest reads from {@code experiments} records survive their {@code pilots} document. */
class PilotDocumentsTest {

    @Test
    void whenAPilotWithEveryFieldIsStoredThenItsDocumentReadsBackEqual() {
        Pilot pilot = new Pilot(
                "exp-1",
                "demo",
                "parking-permit",
                "Short form",
                ExperimentStatus.COMPLETED,
                new Pilot.Decision(Outcome.SCALE, "better"),
                Instant.parse("2026-01-02T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"),
                "exp-0",
                true,
                "control",
                "satisfaction",
                7);
        assertThat(PilotDocuments.pilot(PilotDocuments.document(pilot))).isEqualTo(pilot);
    }

    @Test
    void whenOptionalFieldsAreNullThenTheDocumentReadsBackEqual() {
        Pilot pilot = new Pilot(
                "x",
                "demo",
                "s",
                null,
                ExperimentStatus.DRAFT,
                null,
                null,
                null,
                null,
                false,
                null,
                "completion_rate",
                1);
        assertThat(PilotDocuments.pilot(PilotDocuments.document(pilot))).isEqualTo(pilot);
    }
}
