package lab.like.experiment.registry;

import lab.like.experiment.registry.domain.ExperimentId;

/** Told after every stored change, so the outbox relay can publish without waiting for its next sweep. */
public interface PublicationTrigger {

    void changed(ExperimentId id);
}
