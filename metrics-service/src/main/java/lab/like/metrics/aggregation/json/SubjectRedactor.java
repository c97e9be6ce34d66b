package lab.like.metrics.aggregation.json;

import lab.like.metrics.aggregation.ExperimentDefinition;
import lab.like.metrics.aggregation.Pseudonymiser;
import lab.like.metrics.aggregation.VariantAssigner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What this service keeps of an event it does not count (parked or dead-lettered): the event with its
 * {@code subjectId} replaced by {@code subjectHash}, so no raw subject id is ever at rest. A value that is not a
 * JSON object cannot be searched for one and is not kept at all (null).
 */
public final class SubjectRedactor {

    private final JsonMapper json;
    private final Pseudonymiser pseudonymiser;

    public SubjectRedactor(JsonMapper json, Pseudonymiser pseudonymiser) {
        this.json = json;
        this.pseudonymiser = pseudonymiser;
    }

    /**
     * @param assignFrom when not null and the event names no variant, the variant this experiment assigns to
     *     the subject is added (it cannot be computed later from the hash)
     */
    public byte[] redact(byte[] value, ExperimentDefinition assignFrom) {
        if (value == null) return null;
        JsonNode tree;
        try {
            tree = json.readTree(value);
        } catch (JacksonException e) {
            return null;
        }
        if (!(tree instanceof ObjectNode event)) return null;
        JsonNode subject = event.remove("subjectId");
        if (subject == null || subject.isNull()) return json.writeValueAsBytes(event);
        String subjectId = subject.isString() ? subject.stringValue() : subject.toString();
        event.put("subjectHash", pseudonymiser.hash(subjectId));
        JsonNode variant = event.get("variant");
        if (assignFrom != null && (variant == null || variant.isNull()) && subject.isString()) {
            event.put("variant", VariantAssigner.assign(assignFrom, subjectId));
        }
        return json.writeValueAsBytes(event);
    }
}
