/** Publishes every experiment definition change to the compacted experiments topic. */
package lab.like.experiment.registry.messaging;
