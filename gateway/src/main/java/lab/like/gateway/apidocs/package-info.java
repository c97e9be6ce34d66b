/** The one OpenAPI document of the public API, served at {@code /v3/api-docs} and shown by Swagger UI. */
package lab.like.gateway.apidocs;
