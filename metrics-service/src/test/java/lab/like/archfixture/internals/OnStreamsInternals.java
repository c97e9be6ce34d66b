package lab.like.archfixture.internals;

import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/** A deliberate violation: a class on Kafka Streams internals that is not the write-back store. */
public class OnStreamsInternals extends WrappedStateStore<KeyValueStore<String, String>, String, String> {

    public OnStreamsInternals(KeyValueStore<String, String> wrapped) {
        super(wrapped);
    }
}
