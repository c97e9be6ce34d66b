/** The exactly-once Kafka Streams topology that turns usage events into KPI aggregate totals. */
package lab.like.metrics.aggregation.streams;
