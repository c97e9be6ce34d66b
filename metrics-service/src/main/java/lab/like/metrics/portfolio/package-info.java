/** An organisation's innovation capacity, plain Java: pilots, decisions, iteration chains, waiting, learning rate. */
package lab.like.metrics.portfolio;
