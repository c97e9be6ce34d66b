/** Meters an operator asks for first: requests by route and outcome. */
package lab.like.gateway.observability;
