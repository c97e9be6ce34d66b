package lab.like.experiment.registry.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One change of an experiment, recorded in the same write as the change itself.
 *
 * @param version the experiment's version after the change; null only in entries reconstructed for experiments
 *     stored before the history existed, where it cannot be known
 * @param by the caller's name (the API key's name or the token's subject), never a credential
 * @param from the status before the change (null on creation or where unknown)
 * @param to the status after the change
 * @param changes the names of the fields the change set
 * @param decision the decision taken, on {@code completed} entries only
 */
public record HistoryEntry(
        Long version,
        Instant at,
        Action action,
        String by,
        Status from,
        Status to,
        List<String> changes,
        Decision decision) {

    /** Name recorded for entries reconstructed from what an old document knows (the caller is not known). */
    public static final String UNKNOWN_CALLER = "unknown";

    public HistoryEntry {
        changes = List.copyOf(changes);
    }

    /** What kind of change an entry records; API.md spells them in lower case. */
    public enum Action {
        CREATED,
        UPDATED,
        STARTED,
        PAUSED,
        COMPLETED,
        ARCHIVED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
