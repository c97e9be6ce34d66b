/**
 * HTTP plumbing shared by every feature: strict binding of request records ({@link lab.like.experiment.web.Bound},
 * {@link lab.like.experiment.web.StrictJson}), their Bean Validation, and problem documents for every failure.
 */
package lab.like.experiment.web;
