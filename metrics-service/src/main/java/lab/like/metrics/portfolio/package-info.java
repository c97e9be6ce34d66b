/** An organisation's innovation capacity: pilots, decisions, iteration chains, waiting pilots, learning rate. */
package lab.like.metrics.portfolio;
