package lab.like.metrics.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.digest.MurmurHash3;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates usage events for an experiment and computes, independently of the production code, the counts
 * API.md defines for them (per variant, and per variant and UTC day).
 */
final class Scenario {

    static final String SECRET = "test-subject-secret";
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Sent(
            String eventId,
            String subject,
            String variant,
            String type,
            String channel,
            Instant occurredAt,
            Long durationMs,
            Integer score) {

        LocalDate day() {
            return LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
        }
    }

    final String experimentId;
    final String salt;
    final List<String> variants;
    final List<Integer> weights;
    final String organisation;

    Scenario(String experimentId, String organisation, List<String> variants, List<Integer> weights) {
        this(experimentId, organisation, "salt-" + experimentId, variants, weights);
    }

    Scenario(String experimentId, String organisation, String salt, List<String> variants, List<Integer> weights) {
        this.experimentId = experimentId;
        this.organisation = organisation;
        this.salt = salt;
        this.variants = variants;
        this.weights = weights;
    }

    byte[] experimentJson(String status) {
        return experimentJson(status, 3);
    }

    byte[] experimentJson(String status, long version) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", experimentId);
        e.put("organisation", organisation);
        e.put("name", "test " + experimentId);
        e.put("service", "parking-permit");
        List<Map<String, Object>> vs = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) vs.add(Map.of("key", variants.get(i), "weight", weights.get(i)));
        e.put("variants", vs);
        e.put("controlVariant", variants.get(0));
        e.put("primaryKpi", "completion_rate");
        e.put("guardrailKpis", List.of("satisfaction"));
        e.put("eligiblePopulation", 12000);
        e.put("minimumStarters", 100);
        e.put("status", status);
        e.put("salt", salt);
        e.put("version", version);
        e.put("schemaVersion", 1);
        return JSON.writeValueAsBytes(e);
    }

    /** Independent copy of the CONTRACTS.md assignment (checked against the shared vectors: ScenarioOracleTest). */
    String assign(String subjectId) {
        byte[] bytes = (salt + "/" + subjectId).getBytes(StandardCharsets.UTF_8);
        long bucket = Integer.toUnsignedLong(MurmurHash3.hash32x86(bytes, 0, bytes.length, 0)) % 10_000;
        long upper = 0;
        for (int i = 0; i < variants.size(); i++) {
            upper += weights.get(i) * 100L;
            if (bucket < upper) return variants.get(i);
        }
        throw new IllegalStateException();
    }

    /** CONTRACTS.md's pseudonym under {@link #SECRET} (checked against fixed vectors: ScenarioOracleTest). */
    static String hash(String subjectId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] full = mac.doFinal(subjectId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Random journeys of {@code subjects} citizens over the last three days. */
    List<Sent> journeys(int subjects, long seed, Instant now) {
        Random random = new Random(seed);
        List<Sent> events = new ArrayList<>();
        String[] channels = {"web", "app", "phone", "counter", "mail"};
        for (int s = 0; s < subjects; s++) {
            String subject = experimentId + "-citizen-" + s;
            String variant = assign(subject);
            int steps = 1 + random.nextInt(5);
            for (int i = 0; i < steps; i++) {
                String type = List.of("exposure", "start", "complete", "abandon", "feedback")
                        .get(random.nextInt(5));
                Instant at = now.minus(random.nextInt(3 * 24 * 60), ChronoUnit.MINUTES);
                Long duration = type.equals("complete") && random.nextInt(4) > 0
                        ? (long) (1000 + random.nextInt(600_000))
                        : null;
                Integer score = type.equals("feedback") ? 1 + random.nextInt(5) : null;
                events.add(new Sent(
                        experimentId + "-e-" + s + "-" + i,
                        subject,
                        variant,
                        type,
                        channels[random.nextInt(channels.length)],
                        at,
                        duration,
                        score));
            }
        }
        return events;
    }

    /**
     * A sentinel to send after duplicates: a new subject's exposure, alone on its UTC day ({@code daysAgo} before
     * now, outside the three days {@link #journeys} uses). All of an experiment's events share one partition and
     * are processed in order, so once the sentinel's day shows, every event sent before it was processed.
     */
    Sent sentinel(int daysAgo) {
        String subject = experimentId + "-sentinel-" + daysAgo;
        Instant at = Instant.now().minus(daysAgo, ChronoUnit.DAYS);
        return new Sent(
                experimentId + "-sentinel-" + daysAgo, subject, assign(subject), "exposure", "web", at, null, null);
    }

    /** The event as JSON: raw subjectId (with or without variant) or, pseudonymised, as experiment-service sends it. */
    byte[] json(Sent e, int style) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", e.eventId());
        m.put("experimentId", experimentId);
        if (style == 2) {
            m.put("schemaVersion", 1);
            m.put("subjectHash", hash(e.subject()));
            m.put("variant", e.variant());
        } else {
            m.put("subjectId", e.subject());
            if (style == 1) m.put("variant", e.variant());
        }
        m.put("type", e.type());
        m.put("channel", e.channel());
        m.put("occurredAt", e.occurredAt().toString());
        if (e.durationMs() != null) m.put("durationMs", e.durationMs());
        if (e.score() != null) m.put("score", e.score());
        return JSON.writeValueAsBytes(m);
    }

    /**
     * The counters by their names on the wire (kpi-aggregates, MongoDB, the API), written here independently of
     * the service's {@code Counts}, so that a renamed or lost field fails the comparison.
     */
    static final List<String> COUNTERS = List.of(
            "subjects",
            "starters",
            "completers",
            "abandoners",
            "completions",
            "digitalCompletions",
            "feedbackResponses",
            "satisfiedResponses",
            "scoreSum");

    /** The counters and {@code events} (the aggregate's version). */
    static final List<String> COUNTED = java.util.stream.Stream.concat(
                    COUNTERS.stream(), java.util.stream.Stream.of("events"))
            .toList();

    /** API.md counts per variant over the unique events (first occurrence of each eventId). */
    static Map<String, Map<String, Long>> expected(List<Sent> sent, boolean perDay) {
        Set<String> seen = new HashSet<>();
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        Map<String, Set<String>> distinct = new HashMap<>();
        for (Sent e : sent) {
            if (!seen.add(e.eventId())) continue;
            String group = perDay ? e.day() + "|" + e.variant() : e.variant();
            Map<String, Long> c = counts.computeIfAbsent(group, k -> new TreeMap<>());
            distinctAdd(distinct, c, group, "subjects", e.subject());
            if (e.type().equals("start") || e.type().equals("complete"))
                distinctAdd(distinct, c, group, "starters", e.subject());
            if (e.type().equals("complete")) {
                distinctAdd(distinct, c, group, "completers", e.subject());
                c.merge("completions", 1L, Long::sum);
                if (e.channel().equals("web") || e.channel().equals("app"))
                    c.merge("digitalCompletions", 1L, Long::sum);
            }
            if (e.type().equals("abandon")) distinctAdd(distinct, c, group, "abandoners", e.subject());
            if (e.type().equals("feedback")) {
                c.merge("feedbackResponses", 1L, Long::sum);
                c.merge("scoreSum", (long) e.score(), Long::sum);
                if (e.score() >= 4) c.merge("satisfiedResponses", 1L, Long::sum);
            }
            c.merge("events", 1L, Long::sum);
        }
        for (Map<String, Long> c : counts.values()) {
            for (String k : COUNTED) {
                c.putIfAbsent(k, 0L);
            }
        }
        return counts;
    }

    private static void distinctAdd(
            Map<String, Set<String>> distinct, Map<String, Long> c, String group, String count, String subject) {
        if (distinct.computeIfAbsent(group + "|" + count, k -> new HashSet<>()).add(subject)) {
            c.merge(count, 1L, Long::sum);
        }
    }

    /** Exact durations of unique complete events per variant, to check the sketch quantiles against. */
    static Map<String, List<Long>> durations(List<Sent> sent) {
        Set<String> seen = new HashSet<>();
        Map<String, List<Long>> out = new TreeMap<>();
        for (Sent e : sent) {
            if (seen.add(e.eventId()) && e.durationMs() != null) {
                out.computeIfAbsent(e.variant(), k -> new ArrayList<>()).add(e.durationMs());
            }
        }
        out.values().forEach(list -> list.sort(Long::compare));
        return out;
    }
}
