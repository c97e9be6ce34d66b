/** Results of an experiment computed from materialised aggregates: counts, KPIs with Wilson intervals. */
package lab.like.metrics.results;
