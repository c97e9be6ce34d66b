package lab.like.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import lab.like.stack.GatewayClient.Response;

/**
 * Realistic traffic through the gateway with the development keys: makes sure the demo pilots exist and run,
 * then every second assigns new citizens and sends their journeys as event batches.
 */
public final class DemoTraffic implements Runnable {

    static final String TEAM_KEY = "dev-team-key";
    static final String EMITTER_KEY = "dev-emitter-key";
    static final String ANALYST_KEY = "dev-analyst-key";
    private static final Duration REPORT_EVERY = Duration.ofSeconds(20);
    private static final int MAX_TICKS_IN_FLIGHT = 4;
    /** Exposure, most start, most of those complete or abandon, some give feedback. */
    private static final double EVENTS_PER_JOURNEY = 2.7;

    private final GatewayClient gateway;
    private final int eventsPerSecond;
    private final Consumer<String> progress;
    private final Journeys journeys = new Journeys();
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastFailure = "";

    public DemoTraffic(StackConfig config, Consumer<String> progress) {
        this(URI.create("http://localhost:" + config.gatewayPort()), config.demoEventsPerSecond(), progress);
    }

    public DemoTraffic(URI gateway, int eventsPerSecond, Consumer<String> progress) {
        this.gateway = new GatewayClient(gateway);
        this.eventsPerSecond = eventsPerSecond;
        this.progress = progress;
    }

    @Override
    public void run() {
        try {
            Map<DemoPilot, String> pilots = new LinkedHashMap<>();
            for (DemoPilot pilot : DemoPilot.all()) {
                pilots.put(pilot, ensureRunning(pilot));
            }
            progress.accept("Demo: sending about " + eventsPerSecond + " events/s to " + pilots.size()
                    + " pilots of organisation demo; results e.g. with: curl -H 'Authorization: Bearer "
                    + ANALYST_KEY + "' "
                    + gatewayResults(pilots.values().iterator().next()));
            long nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
            long startedAt = System.nanoTime();
            List<CompletableFuture<Void>> inFlight = new ArrayList<>();
            while (!Thread.currentThread().isInterrupted()) {
                long tick = System.nanoTime();
                inFlight.removeIf(CompletableFuture::isDone);
                // one second of traffic per tick; a slow tick does not hold up the next, up to a few in flight
                if (inFlight.size() < MAX_TICKS_IN_FLIGHT) {
                    inFlight.add(sendOneSecond(pilots));
                }
                if (System.nanoTime() > nextReport) {
                    report(pilots, (System.nanoTime() - startedAt) / 1e9);
                    nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
                }
                long sleepMs = 1000 - (System.nanoTime() - tick) / 1_000_000;
                if (sleepMs > 0) {
                    Thread.sleep(sleepMs);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            progress.accept("Demo traffic stopped: " + e.getMessage());
        }
    }

    /** The id of the pilot with this name (created and started if absent or not running). */
    String ensureRunning(DemoPilot pilot) {
        Response list = gateway.get("/api/v1/experiments?service=" + pilot.service(), TEAM_KEY);
        require(list, "list experiments");
        for (JsonNode experiment : list.json().path("items")) {
            String status = experiment.path("status").asText();
            if (experiment.path("name").asText().equals(pilot.name())
                    && List.of("DRAFT", "RUNNING", "PAUSED").contains(status)) {
                String id = experiment.path("id").asText();
                if (!status.equals("RUNNING")) {
                    require(gateway.post("/api/v1/experiments/" + id + "/start", TEAM_KEY, "{}"), "start " + id);
                }
                return id;
            }
        }
        Response created = gateway.post("/api/v1/experiments", TEAM_KEY, pilot.createRequest());
        require(created, "create '" + pilot.name() + "'");
        String id = created.json().path("id").asText();
        require(gateway.post("/api/v1/experiments/" + id + "/start", TEAM_KEY, "{}"), "start " + id);
        progress.accept("Demo: created and started pilot '" + pilot.name() + "' (" + id + ")");
        return id;
    }

    private CompletableFuture<Void> sendOneSecond(Map<DemoPilot, String> pilots) {
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (Map.Entry<DemoPilot, String> entry : pilots.entrySet()) {
            int citizens = Math.max(
                    1, (int) Math.round(eventsPerSecond * entry.getKey().share() / EVENTS_PER_JOURNEY));
            inFlight.add(sendCitizens(entry.getKey(), entry.getValue(), citizens));
        }
        return CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> sendCitizens(DemoPilot pilot, String id, int citizens) {
        List<CompletableFuture<List<Map<String, Object>>>> journeysOfCitizens = new ArrayList<>();
        for (int i = 0; i < citizens; i++) {
            String subject = journeys.newSubject();
            journeysOfCitizens.add(gateway.postAsync(
                            "/api/v1/experiments/" + id + "/assignments", EMITTER_KEY, Map.of("subjectId", subject))
                    .thenApply(response -> {
                        if (!response.ok()) {
                            fail("assignment", response);
                            return List.<Map<String, Object>>of();
                        }
                        String variant = response.json().path("variant").asText();
                        return journeys.journey(id, subject, variant, pilot.behaviour(variant));
                    }));
        }
        return CompletableFuture.allOf(journeysOfCitizens.toArray(CompletableFuture[]::new))
                .thenCompose(done -> {
                    List<Map<String, Object>> batch = new ArrayList<>();
                    journeysOfCitizens.forEach(j -> batch.addAll(j.join()));
                    if (batch.isEmpty()) {
                        return CompletableFuture.completedFuture(null);
                    }
                    return gateway.postAsync("/api/v1/events", EMITTER_KEY, batch)
                            .thenAccept(response -> {
                                if (response.ok()) {
                                    eventsSent.addAndGet(batch.size());
                                } else {
                                    fail("events", response);
                                }
                            });
                })
                .exceptionally(e -> {
                    failures.incrementAndGet();
                    lastFailure = e.getMessage();
                    return null;
                });
    }

    private void report(Map<DemoPilot, String> pilots, double seconds) {
        StringBuilder line = new StringBuilder(String.format(
                "Demo: %,d events sent in %.0f s (%.0f/s)", eventsSent.get(), seconds, eventsSent.get() / seconds));
        if (failures.get() > 0) {
            line.append(", ")
                    .append(failures.get())
                    .append(" failed requests (last: ")
                    .append(lastFailure)
                    .append(')');
        }
        progress.accept(line.toString());
        pilots.forEach((pilot, id) -> progress.accept("      " + pilot.name() + ": " + summary(id)));
    }

    private String summary(String id) {
        Response results = gateway.get("/api/v1/experiments/" + id + "/results", ANALYST_KEY);
        if (!results.ok()) {
            return "results not available yet (" + results.status() + ")";
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode variant : results.json().path("variants")) {
            JsonNode rate = variant.path("kpis").path("completion_rate").path("value");
            parts.add(String.format(
                    "%s %s of %d starters",
                    variant.path("variant").asText(),
                    rate.isNumber() ? String.format("%.1f%%", rate.asDouble() * 100) : "-",
                    variant.path("starters").asLong()));
        }
        String outcome = results.json().path("recommendation").path("outcome").asText("");
        return String.join(" | ", parts) + (outcome.isEmpty() ? "" : " -> " + outcome);
    }

    private String gatewayResults(String id) {
        return gateway.base().resolve("/api/v1/experiments/" + id + "/results").toString();
    }

    private void fail(String what, Response response) {
        failures.incrementAndGet();
        lastFailure = what + " " + response.status() + " " + response.abbreviated();
    }

    private static void require(Response response, String what) {
        if (!response.ok()) {
            throw new IllegalStateException(
                    "could not " + what + ": HTTP " + response.status() + " " + response.abbreviated());
        }
    }
}
