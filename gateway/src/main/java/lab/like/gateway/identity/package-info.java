/** Identity beyond API keys: the internal token sent to the services, and OIDC access tokens from clients. */
package lab.like.gateway.identity;
