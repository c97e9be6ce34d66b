package lab.like.experiment.registry.web;

import java.util.List;
import lab.like.experiment.registry.domain.ExperimentSpec;
import lab.like.experiment.web.OnWrongType;
import lab.like.experiment.web.PatchValue;

/**
 * The body of {@code PATCH /api/v1/experiments/{id}}: a JSON merge patch (RFC 7396) of the create fields. Each
 * field is absent (unchanged), {@code null} (removed: the create default applies, or "is required") or a new
 * value; arrays are replaced whole. The patched fields are then checked as a create body would be
 * ({@link SpecRequests#revise}).
 */
@OnWrongType("a merge patch must be a JSON object of the fields to change")
record ExperimentPatchRequest(
        PatchValue<String> name,
        PatchValue<String> hypothesis,
        PatchValue<String> service,

        @OnWrongType(value = SpecRequests.VARIANTS_MESSAGE, element = SpecRequests.VARIANT_MESSAGE)
        PatchValue<List<VariantRequest>> variants,

        PatchValue<String> controlVariant,
        PatchValue<String> primaryKpi,

        @OnWrongType(value = "must be an array of KPI names", element = SpecRequests.KPI_MESSAGE)
        PatchValue<List<String>> guardrailKpis,

        @OnWrongType("must be a positive integer") PatchValue<Integer> eligiblePopulation,
        @OnWrongType("must be a positive integer") PatchValue<Integer> minimumStarters,
        PatchValue<Boolean> sharedWithNetwork,
        PatchValue<Boolean> sequentialTesting,
        PatchValue<String> iterationOf) {

    /** The create body that {@code current} would have been, with this patch applied. */
    CreateExperimentRequest applyTo(ExperimentSpec current) {
        return new CreateExperimentRequest(
                name.applyTo(current.name()),
                hypothesis.applyTo(current.hypothesis()),
                service.applyTo(current.service()),
                variants.applyTo(current.variants().stream()
                        .map(v -> new VariantRequest(v.key(), v.weight()))
                        .toList()),
                controlVariant.applyTo(current.controlVariant()),
                primaryKpi.applyTo(current.primaryKpi()),
                guardrailKpis.applyTo(current.guardrailKpis()),
                eligiblePopulation.applyTo(current.eligiblePopulation()),
                minimumStarters.applyTo(current.minimumStarters()),
                sharedWithNetwork.applyTo(current.sharedWithNetwork()),
                sequentialTesting.applyTo(current.sequentialTesting()),
                iterationOf.applyTo(current.iterationOf()),
                null);
    }
}
