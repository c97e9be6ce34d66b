package lab.like.metrics.aggregation.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.like.metrics.aggregation.ExperimentDefinition;
import lab.like.metrics.aggregation.ExperimentStatus;
import tools.jackson.databind.JsonNode;

/** Reads an experiment as published on the compacted {@code experiments} topic (CONTRACTS.md). */
public final class ExperimentJson {

    private ExperimentJson() {}

    /** Empty when the record is not a usable experiment definition. */
    public static Optional<ExperimentDefinition> parse(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("id").isString()) return Optional.empty();
        List<ExperimentDefinition.Variant> variants = new ArrayList<>();
        for (JsonNode v : node.path("variants")) {
            if (!v.path("key").isString()) return Optional.empty();
            variants.add(new ExperimentDefinition.Variant(
                    v.path("key").stringValue(), v.path("weight").asInt(0)));
        }
        if (variants.isEmpty()) return Optional.empty();
        // absent or null means DRAFT; a value that is no status of API.md makes the record unusable, like a bad variant
        ExperimentStatus status = node.path("status").isMissingNode()
                        || node.path("status").isNull()
                ? ExperimentStatus.DRAFT
                : ExperimentStatus.parse(node.path("status").asString(null)).orElse(null);
        if (status == null) return Optional.empty();
        List<String> guardrails = new ArrayList<>();
        node.path("guardrailKpis").forEach(k -> guardrails.add(k.asString()));
        String control = node.path("controlVariant").isString()
                ? node.path("controlVariant").stringValue()
                : variants.get(0).key();
        return Optional.of(new ExperimentDefinition(
                node.path("id").stringValue(),
                node.path("organisation").asString(""),
                status,
                List.copyOf(variants),
                control,
                node.path("primaryKpi").isString() ? node.path("primaryKpi").stringValue() : "completion_rate",
                List.copyOf(guardrails),
                optionalLong(node, "eligiblePopulation"),
                optionalLong(node, "minimumStarters"),
                node.path("salt").asString(""),
                node.path("version").asLong(0),
                // absent means true (API.md); only an explicit false turns it off
                !node.path("sequentialTesting").isBoolean()
                        || node.path("sequentialTesting").booleanValue()));
    }

    private static Long optionalLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isIntegralNumber() ? value.longValue() : null;
    }
}
