package lab.like.experiment.registry;

import lab.like.experiment.failure.FieldError;
import lab.like.experiment.failure.InvalidInputException;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import lab.like.experiment.registry.domain.ExperimentSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Checks an {@code iterationOf} link at write: the predecessor exists in the same organisation, and following
 * {@code iterationOf} from it never comes back to the experiment being changed (chains of any depth, no cycles).
 *
 * <p>The check reads the chain and the write is then conditional only on the changed experiment's own version, so
 * two concurrent patches that each point one experiment at the other could both pass; the walk is bounded by
 * {@link #MAX_DEPTH} so that even such a cycle never makes a reader loop.
 */
@Component
class IterationChain {

    static final int MAX_DEPTH = 1000;

    private final ExperimentRepository repository;

    IterationChain(ExperimentRepository repository) {
        this.repository = repository;
    }

    /** Completes empty when {@code spec.iterationOf()} may be set on {@code self} (null for a new experiment). */
    Mono<Void> check(String organisation, ExperimentSpec spec, ExperimentId self) {
        if (spec.iterationOf() == null) {
            return Mono.empty();
        }
        ExperimentId predecessor = new ExperimentId(spec.iterationOf());
        if (predecessor.equals(self)) {
            return Mono.error(new InvalidInputException(new FieldError("iterationOf", "cannot point to itself")));
        }
        FieldError unknown = new FieldError(
                "iterationOf", "no experiment '" + spec.iterationOf() + "' in organisation '" + organisation + "'");
        return repository
                .findById(predecessor)
                .filter(e -> e.organisation().equals(organisation))
                .switchIfEmpty(Mono.error(() -> new InvalidInputException(unknown)))
                .flatMap(found -> self == null ? Mono.empty() : ancestors(found, found.id(), self, 1));
    }

    private Mono<Void> ancestors(Experiment step, ExperimentId start, ExperimentId self, int depth) {
        String up = step.spec().iterationOf();
        if (up == null || depth >= MAX_DEPTH) {
            return Mono.empty();
        }
        if (up.equals(self.value())) {
            return Mono.error(new InvalidInputException(new FieldError(
                    "iterationOf",
                    "would make " + self + " its own ancestor: the iterationOf chain from " + start
                            + " leads back to it in " + depth + " step(s)")));
        }
        return repository.findById(new ExperimentId(up)).flatMap(next -> ancestors(next, start, self, depth + 1));
    }
}
