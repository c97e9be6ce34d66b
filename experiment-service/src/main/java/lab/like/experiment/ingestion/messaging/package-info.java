/** Publishes accepted usage events to Kafka. */
package lab.like.experiment.ingestion.messaging;
