/**
 * The exactly-once Kafka Streams topology that turns usage events into KPI aggregate totals.
 *
 * <p>{@link lab.like.metrics.aggregation.streams.AggregationProcessor} is the one stream processor; it checks each
 * event and wires the parts that each own one concern: {@code EventCounter} (counting once over the
 * {@code WriteBackBuffer}s), {@code DefinitionCache} (parsed experiment definitions), {@code ParkingLot} (events
 * early for their experiment), {@code DeadLetters} (the dead-letter sink), {@code AggregateEmitter} (totals of
 * changed keys) and {@code DedupPurge} (the sliced purge of old event ids). A {@code WriteBackBuffer} holds a
 * commit interval's writes in front of a store, with the store's key filter ({@code KnownKeys} over a
 * {@code KeyFilter}) and its purge pass ({@code PurgePass}); {@code WriteBackStore}, the only class here on Kafka
 * Streams internals, writes each buffer back inside every commit's transaction.
 */
package lab.like.metrics.aggregation.streams;
