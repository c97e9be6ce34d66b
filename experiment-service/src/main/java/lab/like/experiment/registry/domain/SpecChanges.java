package lab.like.experiment.registry.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The names of the create fields in which two specs differ, in API.md's order. */
final class SpecChanges {

    private static final Map<String, Function<ExperimentSpec, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("name", ExperimentSpec::name);
        FIELDS.put("hypothesis", ExperimentSpec::hypothesis);
        FIELDS.put("service", ExperimentSpec::service);
        FIELDS.put("variants", ExperimentSpec::variants);
        FIELDS.put("controlVariant", ExperimentSpec::controlVariant);
        FIELDS.put("primaryKpi", ExperimentSpec::primaryKpi);
        FIELDS.put("guardrailKpis", ExperimentSpec::guardrailKpis);
        FIELDS.put("eligiblePopulation", ExperimentSpec::eligiblePopulation);
        FIELDS.put("minimumStarters", ExperimentSpec::minimumStarters);
        FIELDS.put("sharedWithNetwork", ExperimentSpec::sharedWithNetwork);
        FIELDS.put("sequentialTesting", ExperimentSpec::sequentialTesting);
        FIELDS.put("iterationOf", ExperimentSpec::iterationOf);
    }

    private SpecChanges() {}

    /** Fields that differ; {@code before} null means creation: every field that has a value. */
    static List<String> between(ExperimentSpec before, ExperimentSpec after) {
        List<String> changed = new ArrayList<>();
        FIELDS.forEach((field, value) -> {
            Object next = value.apply(after);
            if (before == null ? next != null : !Objects.equals(value.apply(before), next)) {
                changed.add(field);
            }
        });
        return changed;
    }
}
