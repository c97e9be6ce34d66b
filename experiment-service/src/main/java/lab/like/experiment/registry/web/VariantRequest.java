package lab.like.experiment.registry.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import lab.like.experiment.web.OnWrongType;

/** One element of {@code variants}: {@code {"key", "weight"}}. */
record VariantRequest(
        @NotNull(message = "is required")
        @Size(min = 1, max = 63, message = "must be 1 to 63 characters long")
        @Pattern(regexp = SpecRequests.SLUG, message = SpecRequests.SLUG_MESSAGE)
        String key,

        @NotNull(message = "is required: a positive integer")
        @Positive(message = "must be a positive integer")
        @OnWrongType("must be a positive integer")
        Integer weight) {}
