/** Routes from public paths to experiment-service and metrics-service. */
package lab.like.gateway.routing;
