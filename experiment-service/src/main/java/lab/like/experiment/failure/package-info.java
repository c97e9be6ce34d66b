/**
 * What can go wrong with a request, independent of HTTP: invalid fields ({@link
 * lab.like.experiment.failure.FieldError}), not found, conflict, stale precondition, unavailable dependency,
 * unauthenticated. Plain Java; features extend these, {@code web.ProblemHandler} maps them to problem documents.
 */
package lab.like.experiment.failure;
