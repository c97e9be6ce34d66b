package lab.like.metrics.aggregation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import lab.like.metrics.aggregation.ExperimentDefinition;
import lab.like.metrics.aggregation.ExperimentStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The definition cache on a map for a store and a counter for the change count: when it reads and parses. */
class DefinitionCacheTest {

    final Map<String, byte[]> store = new HashMap<>();
    final AtomicLong changes = new AtomicLong();
    int reads;
    final DefinitionCache cache = new DefinitionCache(
            id -> {
                reads++;
                return store.get(id);
            },
            changes::get,
            JsonMapper.builder().build());

    static byte[] definition(String status, int version) {
        return ("{\"id\":\"exp-1\",\"organisation\":\"demo\",\"status\":\"" + status
                        + "\",\"variants\":[{\"key\":\"control\",\"weight\":50},{\"key\":\"b\",\"weight\":50}],"
                        + "\"salt\":\"s\",\"version\":" + version + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void whenNoExperimentChangedThenTheStoreIsReadOnceAndTheDefinitionReused() {
        store.put("exp-1", definition("RUNNING", 1));
        ExperimentDefinition first = cache.get("exp-1");
        assertThat(first.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(cache.get("exp-1")).isSameAs(first);
        assertThat(cache.get("exp-1")).isSameAs(first);
        assertThat(reads).isEqualTo(1);
    }

    @Test
    void whenSomeExperimentChangedThenTheStoreIsReadAgainAndEqualJsonIsNotParsedAgain() {
        store.put("exp-1", definition("RUNNING", 1));
        ExperimentDefinition first = cache.get("exp-1");
        changes.incrementAndGet(); // another experiment changed
        store.put("exp-1", definition("RUNNING", 1)); // equal bytes, another array
        assertThat(cache.get("exp-1")).isSameAs(first);
        assertThat(reads).isEqualTo(2);
        assertThat(cache.get("exp-1")).isSameAs(first);
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void whenTheStoredJsonChangesThenTheNewDefinitionIsSeenOnlyOnceTheChangeCountMoved() {
        store.put("exp-1", definition("DRAFT", 1));
        assertThat(cache.get("exp-1").status()).isEqualTo(ExperimentStatus.DRAFT);
        store.put("exp-1", definition("RUNNING", 2));
        // the loader bumps the count after each write: until then the cached definition stands
        assertThat(cache.get("exp-1").status()).isEqualTo(ExperimentStatus.DRAFT);
        changes.incrementAndGet();
        assertThat(cache.get("exp-1").status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(cache.get("exp-1").version()).isEqualTo(2);
    }

    @Test
    void whenTheDefinitionIsRemovedThenNullAndTheStoreIsAskedAtEveryLook() {
        store.put("exp-1", definition("RUNNING", 1));
        assertThat(cache.get("exp-1")).isNotNull();
        store.remove("exp-1");
        changes.incrementAndGet();
        assertThat(cache.get("exp-1")).isNull();
        assertThat(cache.get("exp-1")).isNull();
        assertThat(reads).isEqualTo(3);
        // an unknown experiment is never remembered as unknown: it may arrive at any moment
        store.put("exp-1", definition("RUNNING", 2));
        assertThat(cache.get("exp-1").version()).isEqualTo(2);
    }

    @Test
    void whenTheStoredJsonIsNoDefinitionThenNullAndRememberedUntilAChange() {
        store.put("exp-1", "{\"id\":\"exp-1\",\"variants\":[]}".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.get("exp-1")).isNull();
        assertThat(cache.get("exp-1")).isNull();
        assertThat(reads).isEqualTo(1);
        store.put("exp-1", "not json".getBytes(StandardCharsets.UTF_8));
        changes.incrementAndGet();
        assertThat(cache.get("exp-1")).isNull();
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void whenResetThenTheStoreIsReadAgainAndClearDropsTheParsedDefinitions() {
        store.put("exp-1", definition("RUNNING", 1));
        ExperimentDefinition first = cache.get("exp-1");
        cache.reset();
        ExperimentDefinition afterReset = cache.get("exp-1");
        assertThat(reads).isEqualTo(2);
        assertThat(afterReset).isNotSameAs(first).isEqualTo(first);
        cache.clear();
        assertThat(cache.get("exp-1")).isNotSameAs(afterReset).isEqualTo(first);
        assertThat(reads).isEqualTo(3);
    }
}
