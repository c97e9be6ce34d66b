package lab.like.experiment.registry;

/** No such experiment, or one the caller's organisation may not see (the two are indistinguishable). */
public class ExperimentNotFoundException extends RuntimeException {

    public ExperimentNotFoundException(ExperimentId id) {
        super("no experiment '" + id.value() + "'");
    }
}
