package lab.like.experiment.registry.domain;

import lab.like.experiment.failure.PreconditionFailedException;

/** The caller's {@code If-Match} names a version that is no longer current. */
public class StaleVersionException extends PreconditionFailedException {

    public StaleVersionException(Long currentVersion) {
        super(
                currentVersion == null
                        ? "the experiment changed concurrently; read it again and retry with its new ETag"
                        : "If-Match does not match the current version " + currentVersion
                                + "; read it again and retry");
    }
}
