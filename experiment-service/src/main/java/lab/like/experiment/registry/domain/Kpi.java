package lab.like.experiment.registry.domain;

import java.util.Set;

/** The KPI names API.md defines. */
public final class Kpi {

    public static final String COMPLETION_RATE = "completion_rate";
    public static final Set<String> NAMES = Set.of(COMPLETION_RATE, "satisfaction", "digital_take_up", "adoption_rate");

    private Kpi() {}
}
