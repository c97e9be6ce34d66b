package lab.like.experiment.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads the create fields of API.md from JSON, applying every rule and default; all bad fields at once. */
public final class SpecParser {

    static final Set<String> FIELDS = Set.of(
            "name",
            "hypothesis",
            "service",
            "variants",
            "controlVariant",
            "primaryKpi",
            "guardrailKpis",
            "eligiblePopulation",
            "minimumStarters",
            "sharedWithNetwork",
            "sequentialTesting",
            "iterationOf");

    private SpecParser() {}

    /** Parses {@code body}; {@code extraFields} are tolerated (read elsewhere), anything else unknown is an error. */
    public static ExperimentSpec parse(JsonNode body, Set<String> extraFields) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(new FieldError("", "the body must be a JSON object"));
        }
        List<FieldError> errors = new ArrayList<>();
        JsonFields in = new JsonFields(body, "", errors);
        Set<String> allowed = new HashSet<>(FIELDS);
        allowed.addAll(extraFields);
        in.rejectUnknown(allowed);
        String name = in.string("name", true, 1, 200);
        String hypothesis = in.string("hypothesis", false, 0, 2000);
        String service = in.slug("service", true);
        List<Variant> variants = variants(in, errors);
        String requested = in.string("controlVariant", false, 1, 63);
        String control = requested;
        if (requested == null && !in.present("controlVariant") && !variants.isEmpty()) {
            control = variants.get(0).key();
        } else if (requested != null
                && !variants.isEmpty()
                && variants.stream().noneMatch(v -> v.key().equals(requested))) {
            in.error("controlVariant", "must be one of the variant keys " + keys(variants));
        }
        String primaryKpi = in.present("primaryKpi") ? kpi(in, "primaryKpi") : Kpi.COMPLETION_RATE;
        List<String> guardrails = guardrails(in);
        Integer population = in.positiveInt("eligiblePopulation");
        Integer minimumStarters = in.positiveInt("minimumStarters");
        Boolean shared = in.bool("sharedWithNetwork");
        Boolean sequential = in.bool("sequentialTesting");
        String iterationOf = in.string("iterationOf", false, 1, 100);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The experiment has " + errors.size() + " invalid field(s)", errors);
        }
        return new ExperimentSpec(
                name,
                hypothesis,
                service,
                variants,
                control,
                primaryKpi,
                guardrails,
                population,
                minimumStarters == null ? ExperimentSpec.DEFAULT_MINIMUM_STARTERS : minimumStarters,
                Boolean.TRUE.equals(shared),
                !Boolean.FALSE.equals(sequential),
                iterationOf);
    }

    private static List<Variant> variants(JsonFields in, List<FieldError> errors) {
        if (!in.present("variants")) {
            in.error("variants", "is required: 2 to 10 variants");
            return List.of();
        }
        JsonNode array = in.get("variants");
        if (!array.isArray() || array.size() < 2 || array.size() > 10) {
            in.error("variants", "must be an array of 2 to 10 variants");
            return List.of();
        }
        int before = errors.size();
        List<Variant> variants = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String prefix = "variants[" + i + "].";
            if (!item.isObject()) {
                errors.add(new FieldError("variants[" + i + "]", "must be an object {\"key\", \"weight\"}"));
                continue;
            }
            JsonFields v = new JsonFields(item, prefix, errors);
            v.rejectUnknown(Set.of("key", "weight"));
            String key = v.slug("key", true);
            Integer weight = v.positiveInt("weight");
            if (weight == null && !v.present("weight")) {
                v.error("weight", "is required: a positive integer");
            }
            if (key != null && !seen.add(key)) {
                v.error("key", "duplicates another variant key '" + key + "'");
            }
            if (key != null && weight != null) {
                variants.add(new Variant(key, weight));
            }
        }
        if (errors.size() == before) {
            int sum = variants.stream().mapToInt(Variant::weight).sum();
            if (sum != 100) {
                in.error("variants", "weights must sum to 100 but sum to " + sum);
            }
        }
        return errors.size() == before ? variants : List.of();
    }

    private static String kpi(JsonFields in, String field) {
        String name = in.string(field, true, 1, 50);
        if (name != null && !Kpi.NAMES.contains(name)) {
            in.error(field, "must be one of " + Kpi.NAMES.stream().sorted().toList());
            return null;
        }
        return name;
    }

    private static List<String> guardrails(JsonFields in) {
        if (!in.present("guardrailKpis")) {
            return List.of();
        }
        JsonNode array = in.get("guardrailKpis");
        Set<String> result = new LinkedHashSet<>();
        if (!array.isArray()) {
            in.error("guardrailKpis", "must be an array of KPI names");
            return List.of();
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isString() || !Kpi.NAMES.contains(item.stringValue())) {
                in.error(
                        "guardrailKpis[" + i + "]",
                        "must be one of " + Kpi.NAMES.stream().sorted().toList());
            } else if (!result.add(item.stringValue())) {
                in.error("guardrailKpis[" + i + "]", "is listed twice");
            }
        }
        return List.copyOf(result);
    }

    private static List<String> keys(List<Variant> variants) {
        return variants.stream().map(Variant::key).toList();
    }
}
