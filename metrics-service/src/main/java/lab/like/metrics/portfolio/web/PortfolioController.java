package lab.like.metrics.portfolio.web;

import java.util.Set;
import lab.like.metrics.portfolio.Portfolio;
import lab.like.metrics.portfolio.service.PortfolioService;
import lab.like.metrics.web.Caller;
import lab.like.metrics.web.QueryParameters;
import lab.like.metrics.web.Viewer;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's portfolio; an admin may name {@code ?organisation=}, and without it sees the whole network. */
@RestController
class PortfolioController {

    private final PortfolioService service;

    PortfolioController(PortfolioService service) {
        this.service = service;
    }

    @GetMapping(value = "/api/v1/portfolio", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Portfolio> portfolio(@RequestParam MultiValueMap<String, String> query, Caller caller) {
        Viewer viewer = Viewer.of(caller);
        QueryParameters parameters = QueryParameters.of(query, Set.of("organisation"));
        return service.portfolio(viewer.scope(parameters.get("organisation")));
    }
}
