package lab.like.experiment.registry.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import lab.like.experiment.web.OnWrongType;

/**
 * The body of {@code POST /api/v1/experiments} (API.md's create fields) as sent: null is "not given", the
 * defaults are applied by {@link SpecRequests}. {@code organisation} is read only for an ADMIN
 * ({@code OwningOrganisation}). The rules Bean Validation cannot say (control among the keys, weights summing to
 * 100, distinct keys, KPI names) are {@link SpecRequests}' explicit checks.
 */
@OnWrongType("the body must be a JSON object")
record CreateExperimentRequest(
        @NotNull(message = "is required") @Size(min = 1, max = 200, message = "must be 1 to 200 characters long")
        String name,

        @Size(max = 2000, message = "must be 0 to 2000 characters long")
        String hypothesis,

        @NotNull(message = "is required")
        @Size(min = 1, max = 63, message = "must be 1 to 63 characters long")
        @Pattern(regexp = SpecRequests.SLUG, message = SpecRequests.SLUG_MESSAGE)
        String service,

        @NotNull(message = "is required: 2 to 10 variants")
        @Size(min = 2, max = 10, message = SpecRequests.VARIANTS_MESSAGE)
        @OnWrongType(value = SpecRequests.VARIANTS_MESSAGE, element = SpecRequests.VARIANT_MESSAGE)
        List<@Valid VariantRequest> variants,

        @Size(min = 1, max = 63, message = "must be 1 to 63 characters long")
        String controlVariant,

        @Size(min = 1, max = 50, message = "must be 1 to 50 characters long")
        String primaryKpi,

        @OnWrongType(value = "must be an array of KPI names", element = SpecRequests.KPI_MESSAGE)
        List<String> guardrailKpis,

        @Positive(message = "must be a positive integer") @OnWrongType("must be a positive integer")
        Integer eligiblePopulation,

        @Positive(message = "must be a positive integer") @OnWrongType("must be a positive integer")
        Integer minimumStarters,

        Boolean sharedWithNetwork,
        Boolean sequentialTesting,

        @Size(min = 1, max = 100, message = "must be 1 to 100 characters long")
        String iterationOf,

        String organisation) {}
