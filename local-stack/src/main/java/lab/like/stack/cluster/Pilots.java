package lab.like.stack.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.like.stack.GatewayClient;
import lab.like.stack.load.Tally;

/** The experiments of a run: created and started through the gateway, two or three variants each. */
final class Pilots {

    record Pilot(String id, List<String> variants) {}

    private final List<Pilot> pilots;

    private Pilots(List<Pilot> pilots) {
        this.pilots = pilots;
    }

    static Pilots create(GatewayClient gateway, String teamKey, int count) throws InterruptedException {
        List<Pilot> pilots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> variants =
                    i % 3 == 2 ? List.of("control", "guided", "shorter") : List.of("control", "simplified");
            List<Map<String, Object>> declared = new ArrayList<>();
            for (int v = 0; v < variants.size(); v++) {
                int weight = variants.size() == 2 ? 50 : v == 0 ? 34 : 33;
                declared.add(Map.of("key", variants.get(v), "weight", weight));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "cluster run pilot " + (i + 1));
            body.put("service", "cluster-run");
            body.put("variants", declared);
            body.put("eligiblePopulation", 1_000_000);
            GatewayClient.Response created = retry(() -> gateway.post("/api/v1/experiments", teamKey, body), 201);
            String id = created.json().path("id").asText();
            retry(() -> gateway.post("/api/v1/experiments/" + id + "/start", teamKey, "{}"), 200);
            pilots.add(new Pilot(id, variants));
        }
        for (Pilot pilot : pilots) {
            retry(() -> gateway.get("/api/v1/experiments/" + pilot.id() + "/results", teamKey), 200);
        }
        return new Pilots(pilots);
    }

    /** A call repeated (every 250 ms, for up to 2 minutes) until it answers with the expected status. */
    static GatewayClient.Response retry(java.util.function.Supplier<GatewayClient.Response> call, int status)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                GatewayClient.Response response = call.get();
                if (response.status() == status) return response;
                last = response.status() + " " + response.abbreviated();
            } catch (RuntimeException e) {
                last = e.getMessage();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("expected " + status + ", last answer: " + last);
    }

    void declare(Tally tally) {
        pilots.forEach(p -> p.variants().forEach(v -> tally.declare(p.id(), v)));
    }

    List<Pilot> all() {
        return pilots;
    }

    List<String> ids() {
        return pilots.stream().map(Pilot::id).toList();
    }
}
