/** Who is calling: the gateway's signed internal token, verified on every API request, and the role table. */
package lab.like.metrics.identity;
