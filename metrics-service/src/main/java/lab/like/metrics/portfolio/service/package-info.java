/** Reads portfolios from the pilots read model and the results; the {@code likelab.portfolio.*} gauges. */
package lab.like.metrics.portfolio.service;
