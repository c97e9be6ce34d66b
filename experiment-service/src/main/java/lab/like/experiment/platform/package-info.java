/** Cross-cutting configuration: properties, Kafka, MongoDB, callers and metrics. */
package lab.like.experiment.platform;
