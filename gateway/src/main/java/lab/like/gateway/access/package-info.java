/** API keys, roles per route and the identity headers forwarded to the services. */
package lab.like.gateway.access;
