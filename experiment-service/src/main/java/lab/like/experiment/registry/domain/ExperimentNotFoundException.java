package lab.like.experiment.registry.domain;

import lab.like.experiment.failure.NotFoundException;

/** No such experiment, or one the caller's organisation may not see (the two are indistinguishable). */
public class ExperimentNotFoundException extends NotFoundException {

    public ExperimentNotFoundException(ExperimentId id) {
        super("no experiment '" + id.value() + "'");
    }
}
