package lab.like.experiment.ingestion;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Why one event of a batch was not accepted; {@code code} is a bounded metric tag, not part of the JSON. */
public record Rejection(
        int index,
        String eventId,
        String reason,
        @JsonIgnore RejectReason code) {}
