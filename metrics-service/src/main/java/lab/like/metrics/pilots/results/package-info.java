/** Reads what a pilot's results document says from the results service. */
package lab.like.metrics.pilots.results;
