/** Pure aggregation logic: event rules, pseudonymisation, assignment, subject flags and KPI aggregates. */
package lab.like.metrics.aggregation;
