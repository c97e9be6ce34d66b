package lab.like.metrics.results;

/** The always-valid p-value and 95% confidence sequence of a comparison ({@link ConfidenceSequence}). */
public record Sequential(Double pValue, double[] ci95) {}
