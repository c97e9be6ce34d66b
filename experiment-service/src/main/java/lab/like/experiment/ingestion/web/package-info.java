/** HTTP adapter for usage-event batches. */
package lab.like.experiment.ingestion.web;
