package lab.like.gateway.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code likelab.gateway.requests{route, outcome}}: API requests by operation of the role table and by what
 * the gateway did with them. Every counter is registered up front, so counting allocates nothing.
 */
public final class GatewayMeters {

    public static final String UNMATCHED = "unmatched";

    private final Map<String, Counter[]> counters = new HashMap<>();

    public GatewayMeters(MeterRegistry registry, List<String> routes) {
        for (String route : routes) {
            register(registry, route);
        }
        register(registry, UNMATCHED);
    }

    private void register(MeterRegistry registry, String route) {
        RequestOutcome[] outcomes = RequestOutcome.values();
        Counter[] byOutcome = new Counter[outcomes.length];
        for (RequestOutcome outcome : outcomes) {
            byOutcome[outcome.ordinal()] = Counter.builder("likelab.gateway.requests")
                    .description("API requests by route and by what the gateway did with them")
                    .tag("route", route)
                    .tag("outcome", outcome.tag)
                    .register(registry);
        }
        counters.put(route, byOutcome);
    }

    public void count(String route, RequestOutcome outcome) {
        Counter[] byOutcome = counters.getOrDefault(route, counters.get(UNMATCHED));
        byOutcome[outcome.ordinal()].increment();
    }
}
