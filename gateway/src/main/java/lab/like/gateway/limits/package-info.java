/** Request limits: per-key rate limiting, body size and content type. */
package lab.like.gateway.limits;
