package lab.like.experiment.architecture.cyclefixture.domain;

import reactor.core.publisher.Mono;

/** Domain code that imports Reactor: the architecture rules must reject it. */
public class Leaky {
    Mono<String> value() {
        return Mono.empty();
    }
}
