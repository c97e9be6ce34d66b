/** {@code GET /api/v1/portfolio}. */
package lab.like.metrics.portfolio.web;
