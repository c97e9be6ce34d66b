package lab.like.archfixture.domain;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Domain code that imports Spring and Reactor: ArchitectureTest checks that its domain rule sees it. */
@Component
public class SpringInTheDomain {
    public Mono<String> value() {
        return Mono.just("x");
    }
}
