package lab.like.experiment.ingestion.domain;

/** Why one event of a batch was not accepted; {@code code} is a bounded metric tag, not part of the answer. */
public record Rejection(int index, String eventId, String reason, RejectReason code) {}
