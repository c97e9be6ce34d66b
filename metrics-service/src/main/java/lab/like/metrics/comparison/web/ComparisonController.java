package lab.like.metrics.comparison.web;

import java.util.Set;
import lab.like.metrics.comparison.ComparisonService;
import lab.like.metrics.comparison.ServiceComparison;
import lab.like.metrics.web.Caller;
import lab.like.metrics.web.QueryParameters;
import lab.like.metrics.web.Viewer;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A service's pilots across organisations. An unknown service and one only others run unshared give the same
 * answer: 200 with no organisations. An admin sees every pilot, or with {@code ?organisation=} that one's view.
 */
@RestController
class ComparisonController {

    private final ComparisonService service;

    ComparisonController(ComparisonService service) {
        this.service = service;
    }

    @GetMapping(value = "/api/v1/services/{service}/comparison", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ServiceComparison> comparison(
            @PathVariable("service") String name, @RequestParam MultiValueMap<String, String> query, Caller caller) {
        Viewer viewer = Viewer.of(caller);
        QueryParameters parameters = QueryParameters.of(query, Set.of("organisation"));
        String scope = viewer.scope(parameters.get("organisation"));
        return service.compare(QueryParameters.slug("service", name), scope);
    }
}
