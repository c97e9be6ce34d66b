/** {@code GET /api/v1/services/{service}/comparison}. */
package lab.like.metrics.comparison.web;
