package lab.like.metrics.results.service;

/** Unknown experiment, or one of another organisation: both are a 404 so no tenant learns of another. */
public class ResultsNotFoundException extends RuntimeException {

    public ResultsNotFoundException() {
        super("experiment not found", null, false, false);
    }
}
