package lab.like.metrics.results.web;

import lab.like.metrics.results.Results;
import lab.like.metrics.results.ResultsRenderer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Renders results with the application's own {@link JsonMapper}, the one WebFlux encodes responses with. */
@Component
class JsonResultsRenderer implements ResultsRenderer {

    private final JsonMapper json;

    JsonResultsRenderer(JsonMapper json) {
        this.json = json;
    }

    @Override
    public byte[] render(Results results) {
        return json.writeValueAsBytes(results);
    }
}
