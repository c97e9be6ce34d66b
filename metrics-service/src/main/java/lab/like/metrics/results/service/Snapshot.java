package lab.like.metrics.results.service;

import lab.like.metrics.results.DailyResults;
import lab.like.metrics.results.Results;

/**
 * What the cache keeps per experiment: its organisation (checked on every read), results, the results rendered
 * as JSON once ({@link ResultsRenderer}; never handed out, only copied) and daily counts.
 */
record Snapshot(String organisation, long version, Results results, byte[] resultsJson, DailyResults daily) {

    boolean visibleTo(String caller) {
        return ResultsService.ALL_ORGANISATIONS.equals(caller) || organisation.equals(caller);
    }

    /** Changes when events are counted or the experiment changes (its version counts every change). */
    String changeKey() {
        return version + "|" + results.status() + "|" + results.eventsCounted();
    }
}
