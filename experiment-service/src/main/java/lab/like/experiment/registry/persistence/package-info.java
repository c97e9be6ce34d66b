/** MongoDB adapter for experiments, with the publication outbox in the same document. */
package lab.like.experiment.registry.persistence;
