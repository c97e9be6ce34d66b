package lab.like.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A demo pilot: what is created through the API, and how citizens behave in each variant. */
record DemoPilot(
        String name,
        String hypothesis,
        String service,
        List<String> guardrails,
        int eligiblePopulation,
        double share,
        List<Behaviour> variants) {

    /**
     * How citizens in one variant behave: chance to start once exposed, to complete once started, median
     * minutes to complete, share using a digital channel, chance to give feedback and mean score.
     */
    record Behaviour(
            String key,
            int weight,
            double startRate,
            double completionRate,
            double medianMinutes,
            double digitalShare,
            double feedbackRate,
            double meanScore) {}

    Map<String, Object> createRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("hypothesis", hypothesis);
        body.put("service", service);
        body.put(
                "variants",
                variants.stream()
                        .map(v -> Map.of("key", v.key(), "weight", v.weight()))
                        .toList());
        body.put("controlVariant", variants.get(0).key());
        body.put("primaryKpi", "completion_rate");
        body.put("guardrailKpis", guardrails);
        if (eligiblePopulation > 0) {
            body.put("eligiblePopulation", eligiblePopulation);
        }
        body.put("minimumStarters", 100);
        return body;
    }

    Behaviour behaviour(String variant) {
        return variants.stream()
                .filter(v -> v.key().equals(variant))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown variant " + variant));
    }

    static List<DemoPilot> all() {
        return List.of(
                new DemoPilot(
                        "Simplified parking permit form",
                        "A 3-step form raises completion from 60% to 75%",
                        "parking-permit",
                        List.of("satisfaction", "digital_take_up"),
                        12000,
                        0.5,
                        List.of(
                                new Behaviour("control", 50, 0.85, 0.60, 7.5, 0.80, 0.25, 3.6),
                                new Behaviour("simplified", 50, 0.86, 0.74, 4.0, 0.86, 0.25, 4.0))),
                new DemoPilot(
                        "Benefit question chat assistant",
                        "A chat assistant answers benefit questions so fewer citizens give up or phone in",
                        "benefit-questions",
                        List.of("satisfaction"),
                        40000,
                        0.3,
                        List.of(
                                new Behaviour("control", 50, 0.70, 0.55, 6.0, 0.65, 0.30, 3.4),
                                new Behaviour("chat-assistant", 50, 0.75, 0.60, 3.0, 0.78, 0.35, 3.5))),
                new DemoPilot(
                        "Street-light fault reporting",
                        "Reporting with a map pin or a photo is finished more often than the free-text form",
                        "street-light-reporting",
                        List.of("satisfaction"),
                        0,
                        0.2,
                        List.of(
                                new Behaviour("control", 34, 0.80, 0.70, 3.0, 0.75, 0.20, 3.8),
                                new Behaviour("map-pin", 33, 0.82, 0.78, 2.0, 0.85, 0.20, 4.1),
                                new Behaviour("photo-upload", 33, 0.78, 0.66, 4.5, 0.80, 0.20, 3.6))));
    }
}
