package lab.like.experiment.ingestion.domain;

/** One broken event rule: its CONTRACTS.md reason code and a message in a developer's words. */
public record Violation(RejectReason code, String message) {}
