/** What an operator sees of the service as a whole: the MongoDB health indicator and the Kafka meter filter. */
package lab.like.metrics.operations;
