package lab.like.experiment.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Arrays;
import java.util.List;
import lab.like.experiment.failure.FieldError;
import lab.like.experiment.failure.InvalidInputException;
import lab.like.experiment.registry.Fixtures;
import lab.like.experiment.registry.domain.ExperimentSpec;
import lab.like.experiment.registry.domain.Kpi;
import lab.like.experiment.registry.domain.Outcome;
import lab.like.experiment.registry.domain.Variant;
import lab.like.experiment.web.Bound;
import lab.like.experiment.web.RequestValidator;
import lab.like.experiment.web.StrictJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Create and merge-patch bodies bound as records (the application's strict binding), then validated. */
class SpecRequestsTest {

    private static final JsonMapper JSON =
            JsonMapper.builder().addModule(new StrictJson()).build();
    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final SpecRequests REQUESTS = new SpecRequests(new RequestValidator(VALIDATION.getValidator()));

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void whenOptionalFieldsAreAbsentThenApiDefaultsApply() {
        ExperimentSpec spec = parse("""
                {"name": "n", "service": "parking-permit",
                 "variants": [{"key": "b", "weight": 60}, {"key": "a", "weight": 40}]}""");
        assertThat(spec.controlVariant()).isEqualTo("b");
        assertThat(spec.primaryKpi()).isEqualTo("completion_rate");
        assertThat(spec.guardrailKpis()).isEmpty();
        assertThat(spec.minimumStarters()).isEqualTo(100);
        assertThat(spec.sharedWithNetwork()).isFalse();
        assertThat(spec.eligiblePopulation()).isNull();
        assertThat(spec.iterationOf()).isNull();
    }

    @Test
    void whenTenVariantsThenAcceptedAndElevenRejected() {
        assertThat(parse(body(10)).variants()).hasSize(10);
        assertThat(fields(body(11))).containsExactly("variants");
    }

    @Test
    void whenValuesHaveWrongTypesThenEachFieldIsNamedAndNothingIsCoerced() {
        assertThat(fields("""
                {"name": 5, "service": "a_b", "hypothesis": ["x"],
                 "variants": [{"key": "a", "weight": "50"}, {"key": "b", "weight": 50, "extra": 1}],
                 "controlVariant": 1, "primaryKpi": null, "guardrailKpis": "satisfaction",
                 "eligiblePopulation": 1.5, "minimumStarters": 0, "sharedWithNetwork": 1, "iterationOf": {}}"""))
                .containsExactlyInAnyOrder(
                        "name",
                        "service",
                        "hypothesis",
                        "variants[0].weight",
                        "variants[1].extra",
                        "controlVariant",
                        "guardrailKpis",
                        "eligiblePopulation",
                        "minimumStarters",
                        "sharedWithNetwork",
                        "iterationOf");
    }

    @Test
    void whenValuesHaveWrongTypesThenTheMessagesSayWhatIsExpected() {
        assertThat(errors("""
                {"name": {"$gt": ""}, "service": "s", "eligiblePopulation": "12000", "sequentialTesting": "true",
                 "variants": [5, {"key": "b", "weight": 50}], "guardrailKpis": [1], "colour": "red"}"""))
                .containsExactly(
                        new FieldError(
                                "colour",
                                "unknown field; allowed fields are [controlVariant, eligiblePopulation, guardrailKpis, "
                                        + "hypothesis, iterationOf, minimumStarters, name, organisation, primaryKpi, "
                                        + "sequentialTesting, service, sharedWithNetwork, variants]"),
                        new FieldError("name", "must be a string"),
                        new FieldError("variants[0]", "must be an object {\"key\", \"weight\"}"),
                        new FieldError("guardrailKpis[0]", SpecRequests.KPI_MESSAGE),
                        new FieldError("eligiblePopulation", "must be a positive integer"),
                        new FieldError("sequentialTesting", "must be true or false"));
    }

    @Test
    void whenNameIsTooLongOrServiceNotASlugThenRejected() {
        assertThat(fields("{\"name\": \"" + "x".repeat(201) + "\", \"service\": \"-x\", \"variants\": "
                        + "[{\"key\": \"a\", \"weight\": 50}, {\"key\": \"b\", \"weight\": 50}]}"))
                .containsExactly("name", "service");
    }

    @Test
    void whenControlIsNotAKeyOrGuardrailRepeatsThenRejected() {
        assertThat(fields("""
                {"name": "n", "service": "s", "controlVariant": "c", "guardrailKpis": ["satisfaction", "satisfaction"],
                 "variants": [{"key": "a", "weight": 50}, {"key": "b", "weight": 50}]}""")).containsExactly("controlVariant", "guardrailKpis[1]");
    }

    @Test
    void whenBodyIsNotAnObjectThenRejected() {
        assertThatThrownBy(() -> parse("[1]"))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors())
                .isEqualTo(List.of(new FieldError("", "the body must be a JSON object")));
        assertThatThrownBy(() -> parse("null")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void whenMergePatchNullsAFieldThenItIsRemovedAndAbsentFieldsKeepTheirValues() {
        ExperimentSpec current = Fixtures.spec();
        ExperimentSpec next = patch(current, """
                {"hypothesis": null, "controlVariant": null, "guardrailKpis": ["adoption_rate"],
                 "variants": [{"key": "b", "weight": 30}, {"key": "a", "weight": 70}]}""");
        assertThat(next.hypothesis()).isNull();
        assertThat(next.controlVariant()).isEqualTo("b");
        assertThat(next.variants()).containsExactly(new Variant("b", 30), new Variant("a", 70));
        assertThat(next.guardrailKpis()).containsExactly("adoption_rate");
        assertThat(next.name()).isEqualTo(current.name());
        assertThat(next.eligiblePopulation()).isEqualTo(current.eligiblePopulation());
        assertThat(patchFields(current, "{\"name\": null, \"minimumStarters\": \"5\", \"organisation\": \"x\"}"))
                .containsExactly("organisation", "name", "minimumStarters");
        assertThat(patchFields(
                        current,
                        "{\"variants\": [{\"key\": \"x\", \"weight\": 50}, {\"key\": \"y\", \"weight\": 50}]}"))
                .as("the current control must be among the new keys")
                .containsExactly("controlVariant");
    }

    @Test
    void whenAnEmptyPatchIsAppliedThenTheSpecIsUnchanged() {
        ExperimentSpec spec = Fixtures.spec();
        assertThat(patch(spec, "{}")).isEqualTo(spec);
    }

    @Test
    void whenMessagesListAllowedValuesThenTheyAreTheCataloguesValues() {
        assertThat(SpecRequests.KPI_MESSAGE)
                .isEqualTo("must be one of " + Kpi.NAMES.stream().sorted().toList());
        assertThat(CompleteRequest.OUTCOME_MESSAGE).isEqualTo("is required: one of " + Arrays.asList(Outcome.values()));
    }

    private static String body(int variants) {
        StringBuilder array = new StringBuilder();
        int[] weights = new int[variants];
        for (int i = 0; i < variants; i++) {
            weights[i] = 100 / variants + (i < 100 % variants ? 1 : 0);
            array.append(i == 0 ? "" : ",")
                    .append("{\"key\": \"v")
                    .append(i)
                    .append("\", \"weight\": ")
                    .append(weights[i])
                    .append('}');
        }
        return "{\"name\": \"n\", \"service\": \"s\", \"variants\": [" + array + "]}";
    }

    private static ExperimentSpec parse(String json) {
        return REQUESTS.create(JSON.readValue(json, new TypeReference<Bound<CreateExperimentRequest>>() {}));
    }

    private static ExperimentSpec patch(ExperimentSpec current, String json) {
        return REQUESTS.revise(JSON.readValue(json, new TypeReference<Bound<ExperimentPatchRequest>>() {}), current);
    }

    private static List<FieldError> errors(String json) {
        try {
            parse(json);
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("expected invalid input: " + json);
    }

    private static List<String> fields(String json) {
        return errors(json).stream().map(FieldError::field).toList();
    }

    private static List<String> patchFields(ExperimentSpec current, String json) {
        try {
            patch(current, json);
        } catch (InvalidInputException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("expected invalid input: " + json);
    }
}
