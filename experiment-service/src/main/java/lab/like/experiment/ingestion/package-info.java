/** The ingestion use case: a batch checked event by event, accepted events published and acknowledged. */
package lab.like.experiment.ingestion;
