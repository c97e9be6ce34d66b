/** Experiment registry and lifecycle use cases (the application service), their ports and the definition cache. */
package lab.like.experiment.registry;
