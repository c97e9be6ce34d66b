/** Who is calling ({@link lab.like.experiment.identity.Caller}): the gateway's signed internal token, verified on every API request, and the role table. */
package lab.like.experiment.identity;
