/** MongoDB side of the portfolio: since when each active pilot has recommended a decision. */
package lab.like.metrics.portfolio.store;
