package lab.like.experiment.registry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The create fields of an experiment as a JSON tree, the target a merge patch applies to. */
final class SpecJson {

    private SpecJson() {}

    static JsonNode toNode(ExperimentSpec spec) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", spec.name());
        node.put("hypothesis", spec.hypothesis());
        node.put("service", spec.service());
        ArrayNode variants = node.putArray("variants");
        spec.variants().forEach(v -> variants.addObject().put("key", v.key()).put("weight", v.weight()));
        node.put("controlVariant", spec.controlVariant());
        node.put("primaryKpi", spec.primaryKpi());
        ArrayNode guardrails = node.putArray("guardrailKpis");
        spec.guardrailKpis().forEach(guardrails::add);
        node.put("eligiblePopulation", spec.eligiblePopulation());
        node.put("minimumStarters", spec.minimumStarters());
        node.put("sharedWithNetwork", spec.sharedWithNetwork());
        node.put("sequentialTesting", spec.sequentialTesting());
        node.put("iterationOf", spec.iterationOf());
        return node;
    }
}
