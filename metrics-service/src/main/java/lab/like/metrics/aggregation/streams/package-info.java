/**
 * The exactly-once Kafka Streams topology that turns usage events into KPI aggregate totals.
 *
 * <p>{@link lab.like.metrics.aggregation.streams.AggregationProcessor} is the one stream processor; it checks each
 * event and wires the parts that each own one concern: {@code EventCounter} (counting once over the
 * {@code WriteBackStore}s), {@code DefinitionCache} (parsed experiment definitions), {@code ParkingLot} (events
 * early for their experiment), {@code DeadLetters} (the dead-letter sink), {@code AggregateEmitter} (totals of
 * changed keys) and {@code DedupPurge} (the sliced purge of old event ids).
 */
package lab.like.metrics.aggregation.streams;
