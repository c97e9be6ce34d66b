package lab.like.metrics.portfolio.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.like.metrics.portfolio.Portfolio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Portfolio figures per organisation as gauges, recomputed every {@code likelab.portfolio.gauge-refresh} on the
 * scheduler thread (blocking there is fine; never on a Netty thread). An organisation that disappears loses its rows.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PortfolioGauges {

    private static final Logger log = LoggerFactory.getLogger(PortfolioGauges.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final PortfolioService service;
    private final MultiGauge pilots;
    private final MultiGauge decisions;
    private final MultiGauge waiting;
    private final MultiGauge medianDays;
    private final MultiGauge perQuarter;

    PortfolioGauges(PortfolioService service, MeterRegistry registry) {
        this.service = service;
        this.pilots = gauge("likelab.portfolio.pilots", "pilots by status", registry);
        this.decisions = gauge("likelab.portfolio.decisions", "decisions taken by outcome", registry);
        this.waiting = gauge("likelab.portfolio.waiting", "active pilots recommending SCALE or STOP", registry);
        this.medianDays =
                gauge("likelab.portfolio.decision.days.median", "median days from start to decision", registry);
        this.perQuarter =
                gauge("likelab.portfolio.decisions.per.quarter", "decisions per quarter over the last four", registry);
    }

    private static MultiGauge gauge(String name, String description, MeterRegistry registry) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    @Scheduled(
            initialDelayString = "${likelab.portfolio.gauge-refresh}",
            fixedDelayString = "${likelab.portfolio.gauge-refresh}")
    void refresh() {
        try {
            Map<String, Portfolio> all = service.refreshAll().block(TIMEOUT);
            if (all != null) show(all);
        } catch (RuntimeException e) {
            // the gauges keep their last values; the next refresh tries again
            log.warn("refreshing the portfolio gauges failed: {}", e.toString());
        }
    }

    void show(Map<String, Portfolio> all) {
        List<MultiGauge.Row<?>> p = new ArrayList<>();
        List<MultiGauge.Row<?>> d = new ArrayList<>();
        List<MultiGauge.Row<?>> w = new ArrayList<>();
        List<MultiGauge.Row<?>> m = new ArrayList<>();
        List<MultiGauge.Row<?>> q = new ArrayList<>();
        all.forEach((org, portfolio) -> {
            Tags organisation = Tags.of("organisation", org);
            portfolio.pilotsByStatus().forEach((s, n) -> p.add(MultiGauge.Row.of(organisation.and("status", s), n)));
            portfolio.decisions().forEach((o, n) -> d.add(MultiGauge.Row.of(organisation.and("outcome", o), n)));
            w.add(MultiGauge.Row.of(organisation, portfolio.waitingForDecision().size()));
            Double median = portfolio.daysToDecision().medianDays();
            if (median != null) m.add(MultiGauge.Row.of(organisation, median));
            q.add(MultiGauge.Row.of(organisation, portfolio.learningRate().decisionsPerQuarter()));
        });
        pilots.register(p, true);
        decisions.register(d, true);
        waiting.register(w, true);
        medianDays.register(m, true);
        perQuarter.register(q, true);
    }
}
