/** Deterministic, stateless assignment of subjects to variants. */
package lab.like.experiment.assignment;
