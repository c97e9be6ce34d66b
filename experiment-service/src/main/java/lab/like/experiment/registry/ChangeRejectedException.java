package lab.like.experiment.registry;

/** A change that the experiment's current state does not allow (a conflict, not invalid input). */
public class ChangeRejectedException extends RuntimeException {

    public ChangeRejectedException(String detail) {
        super(detail);
    }
}
