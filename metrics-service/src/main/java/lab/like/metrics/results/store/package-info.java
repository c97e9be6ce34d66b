/** MongoDB side: the writer of versioned aggregate totals and experiment definitions, and their reads. */
package lab.like.metrics.results.store;
