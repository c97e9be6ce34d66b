package lab.like.experiment.registry.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lab.like.experiment.failure.FieldError;
import lab.like.experiment.failure.InvalidInputException;
import lab.like.experiment.registry.domain.ExperimentSpec;
import lab.like.experiment.registry.domain.Kpi;
import lab.like.experiment.registry.domain.Variant;
import lab.like.experiment.web.Bound;
import lab.like.experiment.web.RequestValidator;
import org.springframework.stereotype.Component;

/**
 * Turns a bound create body, or a merge patch applied to the current fields, into an {@link ExperimentSpec} with
 * API.md's defaults, or an {@link InvalidInputException} naming every bad field: binding errors (wrong types,
 * unknown fields), Bean Validation constraints, then the explicit cross-field rules Bean Validation cannot say
 * (distinct variant keys, weights summing to 100, the control among the keys, KPI names from the catalogue).
 */
@Component
class SpecRequests {

    static final String SLUG = "[a-z0-9][a-z0-9-]{0,62}";
    static final String SLUG_MESSAGE =
            "must be a slug: lowercase letters, digits and '-', starting with a letter or digit";
    static final String VARIANTS_MESSAGE = "must be an array of 2 to 10 variants";
    static final String VARIANT_MESSAGE = "must be an object {\"key\", \"weight\"}";
    /** Spells {@link Kpi#NAMES} sorted (a test holds them equal). */
    static final String KPI_MESSAGE = "must be one of [adoption_rate, completion_rate, digital_take_up, satisfaction]";

    private static final List<String> CREATE_FIELDS = fields(CreateExperimentRequest.class);
    private static final List<String> PATCH_FIELDS = fields(ExperimentPatchRequest.class);

    private final RequestValidator validator;

    SpecRequests(RequestValidator validator) {
        this.validator = validator;
    }

    /** The create fields of a create body ({@code organisation} is left to {@code OwningOrganisation}). */
    ExperimentSpec create(Bound<CreateExperimentRequest> body) {
        rejectIfNotAnObject(body);
        List<FieldError> binding = body.errors().stream()
                .filter(e -> !e.field().equals("organisation"))
                .toList();
        return spec(body.value(), binding, CREATE_FIELDS);
    }

    /** The current fields with the patch applied, checked as a create body would be. */
    ExperimentSpec revise(Bound<ExperimentPatchRequest> patch, ExperimentSpec current) {
        rejectIfNotAnObject(patch);
        return spec(patch.value().applyTo(current), patch.errors(), PATCH_FIELDS);
    }

    /** The organisation an ADMIN names; a value that is not a string names none (it can never be a slug). */
    static String namedOrganisation(Bound<CreateExperimentRequest> body) {
        boolean wrongType = body.errors().stream().anyMatch(e -> e.field().equals("organisation"));
        return wrongType ? "" : body.value().organisation();
    }

    private static void rejectIfNotAnObject(Bound<?> body) {
        if (body.value() == null) {
            throw new InvalidInputException(body.errors().get(0));
        }
    }

    private ExperimentSpec spec(CreateExperimentRequest r, List<FieldError> binding, List<String> fieldOrder) {
        List<FieldError> errors = new ArrayList<>(binding);
        errors.addAll(validator.violations(r, binding));
        List<Variant> variants = variants(r, errors);
        String control = r.controlVariant();
        if (control == null && !variants.isEmpty()) {
            control = variants.get(0).key();
        } else if (control != null
                && !variants.isEmpty()
                && clean(errors, "controlVariant")
                && variants.stream().noneMatch(v -> v.key().equals(r.controlVariant()))) {
            errors.add(new FieldError(
                    "controlVariant",
                    "must be one of the variant keys "
                            + variants.stream().map(Variant::key).toList()));
        }
        String primaryKpi = r.primaryKpi() == null ? Kpi.COMPLETION_RATE : r.primaryKpi();
        if (clean(errors, "primaryKpi") && !Kpi.NAMES.contains(primaryKpi)) {
            errors.add(new FieldError("primaryKpi", KPI_MESSAGE));
        }
        List<String> guardrails = guardrails(r, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(e -> order(e, fieldOrder)));
            throw new InvalidInputException("The experiment has " + errors.size() + " invalid field(s)", errors);
        }
        return new ExperimentSpec(
                r.name(),
                r.hypothesis(),
                r.service(),
                variants,
                control,
                primaryKpi,
                guardrails,
                r.eligiblePopulation(),
                r.minimumStarters() == null ? ExperimentSpec.DEFAULT_MINIMUM_STARTERS : r.minimumStarters(),
                Boolean.TRUE.equals(r.sharedWithNetwork()),
                !Boolean.FALSE.equals(r.sequentialTesting()),
                r.iterationOf());
    }

    /** The variants when all are valid, else empty (their errors added). */
    private static List<Variant> variants(CreateExperimentRequest r, List<FieldError> errors) {
        if (r.variants() == null || errors.stream().anyMatch(e -> e.field().equals("variants"))) {
            // the list itself is wrong: nothing inside it is named
            errors.removeIf(e -> e.field().startsWith("variants["));
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < r.variants().size(); i++) {
            VariantRequest v = r.variants().get(i);
            String at = "variants[" + i + "]";
            if (v == null && clean(errors, at)) {
                errors.add(new FieldError(at, VARIANT_MESSAGE));
            } else if (v != null && v.key() != null && clean(errors, at + ".key") && !seen.add(v.key())) {
                errors.add(new FieldError(at + ".key", "duplicates another variant key '" + v.key() + "'"));
            }
        }
        if (!clean(errors, "variants")) {
            return List.of();
        }
        List<Variant> variants =
                r.variants().stream().map(v -> new Variant(v.key(), v.weight())).toList();
        int sum = variants.stream().mapToInt(Variant::weight).sum();
        if (sum != 100) {
            errors.add(new FieldError("variants", "weights must sum to 100 but sum to " + sum));
            return List.of();
        }
        return variants;
    }

    private static List<String> guardrails(CreateExperimentRequest r, List<FieldError> errors) {
        if (r.guardrailKpis() == null) {
            return List.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < r.guardrailKpis().size(); i++) {
            String kpi = r.guardrailKpis().get(i);
            String at = "guardrailKpis[" + i + "]";
            if (!clean(errors, at)) {
                continue;
            }
            if (kpi == null || !Kpi.NAMES.contains(kpi)) {
                errors.add(new FieldError(at, KPI_MESSAGE));
            } else if (!result.add(kpi)) {
                errors.add(new FieldError(at, "is listed twice"));
            }
        }
        return List.copyOf(result);
    }

    /** No error yet on {@code field} or inside it. */
    private static boolean clean(List<FieldError> errors, String field) {
        return errors.stream().noneMatch(e -> RequestValidator.within(e.field(), field));
    }

    /** Unknown fields first, then API.md's field order (the order of the request record's components). */
    private static int order(FieldError error, List<String> fieldOrder) {
        String top = error.field().split("[.\\[]", 2)[0];
        return fieldOrder.indexOf(top);
    }

    private static List<String> fields(Class<? extends Record> request) {
        return Arrays.stream(request.getRecordComponents())
                .map(c -> c.getName())
                .toList();
    }
}
