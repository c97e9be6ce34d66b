/** Validation and pseudonymisation of usage events. */
package lab.like.experiment.ingestion;
