package lab.like.experiment.web;

import java.util.List;
import lab.like.experiment.failure.ConflictException;
import lab.like.experiment.failure.FieldError;
import lab.like.experiment.failure.InvalidInputException;
import lab.like.experiment.failure.NotFoundException;
import lab.like.experiment.failure.PreconditionFailedException;
import lab.like.experiment.failure.UnauthorizedException;
import lab.like.experiment.failure.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/** Maps every failure to a problem document; a 5xx never carries an exception message. */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return respond(Problems.validation(e.getMessage(), e.errors()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> stale(PreconditionFailedException e) {
        return respond(Problems.of(HttpStatus.PRECONDITION_FAILED, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unauthorized(UnauthorizedException e) {
        return respond(Problems.of(HttpStatus.UNAUTHORIZED, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
        log.warn("unavailable: {}", e.getMessage(), e.getCause());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> input(ServerWebInputException e) {
        if (hasCause(e, DataBufferLimitException.class)) {
            return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "the request body is too large"));
        }
        String detail = e.getReason() == null ? "the request is malformed" : e.getReason();
        return respond(Problems.validation(
                "Malformed request: " + detail, List.of(new FieldError("body", "is missing or not valid JSON"))));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (status == null || status.is5xxServerError()) {
            return failure(e);
        }
        // the framework's 404 reason names the internal URL ("No static resource ... for request 'http://..."):
        // never pass it on
        String detail = status == HttpStatus.NOT_FOUND
                ? "No such resource."
                : e.getReason() != null ? e.getReason() : status.getReasonPhrase();
        return ResponseEntity.status(status)
                .headers(e.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, detail));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> failure(Exception e) {
        log.error("unexpected failure", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "an internal error occurred"));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
