package lab.like.experiment.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import lab.like.experiment.registry.domain.ExperimentSpec;
import lab.like.experiment.registry.domain.Kpi;
import lab.like.experiment.registry.domain.Variant;

/** Values for the pure-logic tests. */
public final class Fixtures {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {}

    public static ExperimentSpec spec() {
        return new ExperimentSpec(
                "Simplified parking permit form",
                "A 3-step form raises completion",
                "parking-permit",
                List.of(new Variant("control", 50), new Variant("simplified", 50)),
                "control",
                Kpi.COMPLETION_RATE,
                List.of("satisfaction"),
                12000,
                100,
                false,
                true,
                null);
    }

    public static Experiment draft() {
        return Experiment.create(new ExperimentId("exp-1"), "demo", spec(), "salt-1", "tester", CLOCK);
    }

    public static Experiment running() {
        return draft().start("tester", CLOCK).experiment();
    }
}
