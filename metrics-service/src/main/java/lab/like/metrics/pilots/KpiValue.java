package lab.like.metrics.pilots;

/** One variant's value of one KPI with its parts and Wilson 95% interval (value and interval null when 0/0). */
public record KpiValue(String variant, Double value, long numerator, long denominator, double[] ci95) {}
