package lab.like.metrics.aggregation.streams;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import lab.like.metrics.aggregation.ExperimentDefinition;
import lab.like.metrics.aggregation.json.ExperimentJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One task's parsed experiment definitions, read from the global experiments store. A definition is parsed
 * only when its stored JSON changed since the last look, and the store is consulted again only after some
 * experiment changed (the change count moved, {@link ExperimentLoader#changes} in the service).
 */
final class DefinitionCache {

    private final Function<String, byte[]> stored;
    private final LongSupplier changes;
    private final JsonMapper json;
    private final Map<String, Parsed> definitions = new HashMap<>();
    // experiments whose stored JSON was compared since the last change to any experiment
    private final Set<String> checked = new HashSet<>();
    private long definitionsChecked = -1;

    private record Parsed(byte[] raw, ExperimentDefinition definition) {}

    /**
     * @param stored the stored JSON of an experiment id, null when there is none
     * @param changes a number that changes whenever a stored definition changes (or is removed)
     */
    DefinitionCache(Function<String, byte[]> stored, LongSupplier changes, JsonMapper json) {
        this.stored = stored;
        this.changes = changes;
        this.json = json;
    }

    /** Forgets everything: the next look at any experiment consults the store. */
    void reset() {
        definitions.clear();
        checked.clear();
        definitionsChecked = -1;
    }

    /** Drops the parsed definitions (when the processor closes). */
    void clear() {
        definitions.clear();
    }

    /** The experiment's definition; null when it is not stored or its JSON is not a definition. */
    ExperimentDefinition get(String experimentId) {
        long changes = this.changes.getAsLong();
        if (changes != definitionsChecked) {
            definitionsChecked = changes;
            checked.clear();
        }
        Parsed cached = definitions.get(experimentId);
        if (cached != null && checked.contains(experimentId)) return cached.definition();
        byte[] raw = stored.apply(experimentId);
        if (raw == null) {
            definitions.remove(experimentId);
            return null;
        }
        checked.add(experimentId);
        if (cached != null && Arrays.equals(cached.raw(), raw)) return cached.definition();
        ExperimentDefinition parsed;
        try {
            parsed = ExperimentJson.parse(json.readTree(raw)).orElse(null);
        } catch (JacksonException e) {
            parsed = null;
        }
        definitions.put(experimentId, new Parsed(raw, parsed));
        return parsed;
    }
}
