package lab.like.experiment.registry.domain;

/** A lifecycle action that the transition table does not allow from the current status. */
public class IllegalTransitionException extends ChangeRejectedException {

    public IllegalTransitionException(Status from, Lifecycle.Action action) {
        super("cannot " + action.verb() + " an experiment that is " + from + "; allowed from " + from + ": "
                + Lifecycle.allowedFrom(from));
    }
}
