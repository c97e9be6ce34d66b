package lab.like.experiment.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import lab.like.experiment.failure.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one place problem documents are built: {@code type} is {@code urn:likelab:problem:<slug>}. */
public final class Problems {

    private static final Map<HttpStatus, String> SLUGS = Map.ofEntries(
            Map.entry(HttpStatus.BAD_REQUEST, "validation"),
            Map.entry(HttpStatus.UNAUTHORIZED, "unauthorized"),
            Map.entry(HttpStatus.FORBIDDEN, "forbidden"),
            Map.entry(HttpStatus.NOT_FOUND, "not-found"),
            Map.entry(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed"),
            Map.entry(HttpStatus.NOT_ACCEPTABLE, "not-acceptable"),
            Map.entry(HttpStatus.CONFLICT, "conflict"),
            Map.entry(HttpStatus.PRECONDITION_FAILED, "precondition-failed"),
            Map.entry(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large"),
            Map.entry(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type"),
            Map.entry(HttpStatus.TOO_MANY_REQUESTS, "rate-limited"),
            Map.entry(HttpStatus.SERVICE_UNAVAILABLE, "unavailable"),
            Map.entry(HttpStatus.INTERNAL_SERVER_ERROR, "internal"));

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:likelab:problem:" + SLUGS.getOrDefault(status, "error")));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    public static ProblemDetail validation(String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
