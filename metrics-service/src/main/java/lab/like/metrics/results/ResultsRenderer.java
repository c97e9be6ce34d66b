package lab.like.metrics.results;

/**
 * Writes a results document as the JSON bytes of the API. The cache renders each document once when it loads it,
 * so a read costs a lookup and a copy instead of serialising the document again for every request (Jackson took
 * about a quarter of metrics-service's CPU per results read in a JFR profile of the load run, issue 11).
 */
@FunctionalInterface
public interface ResultsRenderer {

    byte[] render(Results results);
}
