/** The results endpoints: per-variant results and daily counts (JSON or CSV). */
package lab.like.metrics.results.web;
