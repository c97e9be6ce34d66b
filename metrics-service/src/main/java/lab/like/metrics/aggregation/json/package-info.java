/**
 * The JSON of the aggregation (Jackson and a byte scanner): usage events read into {@code RawEvent}, experiment
 * definitions from the {@code experiments} topic, the redacted form of events kept or dead-lettered, and the
 * {@code kpi-aggregates} message.
 */
package lab.like.metrics.aggregation.json;
