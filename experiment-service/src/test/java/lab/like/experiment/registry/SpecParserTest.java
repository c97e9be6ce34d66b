package lab.like.experiment.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SpecParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        assertThatThrownBy(() -> SpecParser.parse(JSON.readTree("[1]"), Set.of()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void whenMergePatchNullsAFieldThenItIsRemovedAndObjectsMerge() {
        JsonNode target = JSON.readTree("{\"a\": 1, \"b\": {\"c\": 2, \"d\": 3}, \"e\": [1]}");
        JsonNode patch = JSON.readTree("{\"a\": null, \"b\": {\"c\": 9}, \"e\": [2, 3], \"f\": \"new\"}");
        assertThat(MergePatch.apply(target, patch))
                .isEqualTo(JSON.readTree("{\"b\": {\"c\": 9, \"d\": 3}, \"e\": [2, 3], \"f\": \"new\"}"));
        assertThat(target.get("a").intValue()).isEqualTo(1);
    }

    @Test
    void whenSpecIsWrittenAsJsonThenItParsesBackUnchanged() {
        ExperimentSpec spec = Fixtures.spec();
        assertThat(SpecParser.parse(SpecJson.toNode(spec), Set.of())).isEqualTo(spec);
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
        return SpecParser.parse(JSON.readTree(json), Set.of());
    }

    private static List<String> fields(String json) {
        try {
            parse(json);
        } catch (InvalidInputException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("expected invalid input: " + json);
    }
}
