/** HTTP adapter for the experiment registry and lifecycle. */
package lab.like.experiment.registry.web;
