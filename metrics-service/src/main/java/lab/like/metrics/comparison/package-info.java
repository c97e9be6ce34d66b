/** Cross-city comparison of one e-service: the caller's own pilots and those other organisations share. */
package lab.like.metrics.comparison;
