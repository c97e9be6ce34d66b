/**
 * Results of an experiment from materialised aggregates: the statistics engine and recommendation (plain Java,
 * {@link lab.like.metrics.results.ResultsCalculator}), the per-experiment cache and the shared stream change feed.
 */
package lab.like.metrics.results;
