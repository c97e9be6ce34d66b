package lab.like.experiment.registry;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import lab.like.experiment.identity.Caller;
import lab.like.experiment.registry.domain.ChangeRejectedException;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import lab.like.experiment.registry.domain.ExperimentNotFoundException;
import lab.like.experiment.registry.domain.ExperimentPage;
import lab.like.experiment.registry.domain.ExperimentSpec;
import lab.like.experiment.registry.domain.HistoryEntry;
import lab.like.experiment.registry.domain.ListCursor;
import lab.like.experiment.registry.domain.StaleVersionException;
import lab.like.experiment.registry.domain.Status;
import lab.like.experiment.registry.domain.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Registry and lifecycle use cases. Concurrency: every change is a conditional replace on the version read.
 * With {@code If-Match} a lost race is a 412 (the caller's view is stale); without it the change is
 * re-applied to the fresh state up to {@link #ATTEMPTS} times with a short jittered backoff (n concurrent writers
 * need at most n attempts; the jitter keeps them from colliding in lock-step), so no write is lost and an action
 * that became illegal meanwhile is a 409.
 */
@Service
public class ExperimentService {

    static final int ATTEMPTS = 16;
    private static final Logger log = LoggerFactory.getLogger(ExperimentService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ExperimentRepository repository;
    private final PublicationTrigger publication;
    private final ExperimentLookup lookup;
    private final IterationChain chain;
    private final Clock clock;
    private final MeterRegistry meters;

    ExperimentService(
            ExperimentRepository repository,
            PublicationTrigger publication,
            ExperimentLookup lookup,
            IterationChain chain,
            Clock clock,
            MeterRegistry meters) {
        this.repository = repository;
        this.publication = publication;
        this.lookup = lookup;
        this.chain = chain;
        this.clock = clock;
        this.meters = meters;
    }

    /** Creates an experiment; {@code namedOrganisation} is the one an ADMIN names (see {@link OwningOrganisation}). */
    public Mono<Experiment> create(Caller caller, ExperimentSpec spec, String namedOrganisation) {
        String organisation = OwningOrganisation.of(caller, namedOrganisation);
        return chain.check(organisation, spec, null)
                .then(Mono.fromSupplier(() -> Experiment.create(
                        ExperimentId.generate(), organisation, spec, newSalt(), caller.name(), clock)))
                .flatMap(repository::insert)
                .doOnNext(this::changed);
    }

    public Mono<ExperimentDetails> get(Caller caller, ExperimentId id) {
        return visible(caller, id).flatMap(this::details);
    }

    /** The history of an experiment, oldest first. */
    public Mono<List<HistoryEntry>> history(Caller caller, ExperimentId id) {
        return visible(caller, id).map(Experiment::history);
    }

    /** One page of the caller's experiments (ADMIN: all), newest first, filtered by status and service. */
    public Mono<ExperimentPage> list(Caller caller, Status status, String service, ListCursor after, int limit) {
        String organisation = caller.isAdmin() ? null : caller.organisation();
        return repository
                .list(organisation, status, service, after, limit + 1)
                .collectList()
                .map(found -> {
                    if (found.size() <= limit) {
                        return new ExperimentPage(found, null);
                    }
                    List<Experiment> page = found.subList(0, limit);
                    return new ExperimentPage(
                            page, ListCursor.after(page.get(limit - 1)).encode());
                });
    }

    /**
     * Applies {@code revision} (the merge patch: current create fields to new ones, or an
     * {@code InvalidInputException}) to the current state; on a lost race it is applied again to the fresh state.
     */
    public Mono<ExperimentDetails> patch(
            Caller caller, ExperimentId id, UnaryOperator<ExperimentSpec> revision, Long ifMatch) {
        return change(
                        caller,
                        id,
                        ifMatch,
                        current -> {
                            ExperimentSpec next = revision.apply(current.spec());
                            Experiment revised = current.revise(next, caller.name(), clock);
                            return chain.check(current.organisation(), next, current.id())
                                    .thenReturn(revised);
                        },
                        Function.identity())
                .flatMap(this::details);
    }

    public Mono<ExperimentDetails> transition(
            Caller caller, ExperimentId id, Long ifMatch, Function<Experiment, Transition> action) {
        return change(caller, id, ifMatch, current -> Mono.just(action.apply(current)), Transition::experiment)
                .doOnNext(transition -> {
                    String event = transition.event().getClass().getSimpleName();
                    log.info("experiment {}: {}", id, event);
                    meters.counter("likelab.experiments.transitions", "event", event)
                            .increment();
                })
                .map(Transition::experiment)
                .flatMap(this::details);
    }

    private <T> Mono<T> change(
            Caller caller,
            ExperimentId id,
            Long ifMatch,
            Function<Experiment, Mono<T>> change,
            Function<T, Experiment> newState) {
        Mono<T> attempt = visible(caller, id).flatMap(current -> {
            if (ifMatch != null && ifMatch != current.version()) {
                return Mono.error(new StaleVersionException(current.version()));
            }
            return change.apply(current).flatMap(result -> {
                Experiment next = newState.apply(result);
                if (next == current) {
                    return Mono.just(result);
                }
                return repository.replace(next, current.version()).flatMap(won -> {
                    if (won) {
                        changed(next);
                        return Mono.just(result);
                    }
                    return Mono.error(ifMatch != null ? new StaleVersionException(null) : new LostRaceException());
                });
            });
        });
        return Mono.defer(() -> attempt)
                .retryWhen(Retry.backoff(ATTEMPTS - 1, Duration.ofMillis(2))
                        .maxBackoff(Duration.ofMillis(100))
                        .jitter(0.75)
                        .filter(LostRaceException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> new ChangeRejectedException(
                                "experiment " + id + " is being changed concurrently; retry the request")));
    }

    private Mono<Experiment> visible(Caller caller, ExperimentId id) {
        return repository
                .findById(id)
                .filter(e -> caller.sees(e.organisation()))
                .switchIfEmpty(Mono.error(() -> new ExperimentNotFoundException(id)));
    }

    private Mono<ExperimentDetails> details(Experiment experiment) {
        return repository
                .iterationsOf(experiment.id())
                .collectList()
                .map(iterations -> new ExperimentDetails(experiment, iterations));
    }

    private void changed(Experiment experiment) {
        lookup.evict(experiment.id());
        publication.changed(experiment.id());
    }

    private static String newSalt() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An experiment with the ids of the experiments that declare themselves its iterations. */
    public record ExperimentDetails(Experiment experiment, List<ExperimentId> iterations) {}

    static final class LostRaceException extends RuntimeException {
        LostRaceException() {
            super("lost a concurrent update race", null, false, false);
        }
    }
}
