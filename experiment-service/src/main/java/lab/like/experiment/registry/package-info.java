/** Experiment registry and lifecycle: the pure domain model and the application service. */
package lab.like.experiment.registry;
