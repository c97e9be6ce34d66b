package lab.like.experiment.registry.domain;

import lab.like.experiment.failure.ConflictException;

/** A change that the experiment's current state does not allow (a conflict, not invalid input). */
public class ChangeRejectedException extends ConflictException {

    public ChangeRejectedException(String detail) {
        super(detail);
    }
}
