package lab.like.metrics.web;

import java.util.Map;
import lab.like.metrics.results.service.ResultsNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** Maps failures to problem documents; a 5xx never carries an exception message. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(MissingOrganisationException.class)
    ResponseEntity<ProblemDetail> unauthorized(MissingOrganisationException e) {
        return Problems.problem(
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Unauthorized",
                "A valid internal token of the gateway is required.");
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<ProblemDetail> invalidQuery(InvalidQueryException e) {
        var response = Problems.problem(
                HttpStatus.BAD_REQUEST, "validation", "Bad Request", "The request parameters are invalid.");
        response.getBody()
                .setProperty(
                        "errors",
                        e.errors().stream()
                                .map(f -> Map.of("field", f.field(), "message", f.message()))
                                .toList());
        return response;
    }

    @ExceptionHandler(ResultsNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ResultsNotFoundException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such experiment.");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        var status = e.getStatusCode();
        // framework reasons name internal paths and classes ("No static resource ..."): never pass them on
        String detail = status.is5xxServerError() ? "The service could not handle the request." : fixedDetail(status);
        return Problems.problem(status, Problems.slugFor(status), Problems.titleFor(status), detail);
    }

    private static String fixedDetail(org.springframework.http.HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "No such resource.";
            case 405 -> "The method is not allowed on this resource.";
            case 406 -> "The requested media type is not available.";
            case 415 -> "The request's content type is not supported.";
            default -> "The request is invalid.";
        };
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> internal(Exception e) {
        log.error("request failed", e);
        return Problems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal Server Error",
                "The service could not handle the request.");
    }
}
