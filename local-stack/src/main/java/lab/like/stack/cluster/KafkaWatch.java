package lab.like.stack.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/** What the cluster says: who leads each partition, and which group member holds which partition. */
final class KafkaWatch {

    static final String STREAMS_GROUP = "likelab-metrics";

    private final Admin admin;

    KafkaWatch(Admin admin) {
        this.admin = admin;
    }

    /** Partition number → leader node id (-1 when none) of a topic. */
    Map<Integer, Integer> leaders(String topic) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .get(topic);
        Map<Integer, Integer> leaders = new TreeMap<>();
        for (TopicPartitionInfo p : description.partitions()) {
            leaders.put(
                    p.partition(),
                    p.leader() == null || p.leader().isEmpty() ? -1 : p.leader().id());
        }
        return leaders;
    }

    /** "p0: leader 2, isr [2, 3]" for every partition of a topic. */
    String describe(String topic) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .get(topic);
        StringBuilder out = new StringBuilder();
        for (TopicPartitionInfo p : description.partitions()) {
            out.append(out.isEmpty() ? "" : "; ")
                    .append("p")
                    .append(p.partition())
                    .append(": leader ")
                    .append(
                            p.leader() == null || p.leader().isEmpty()
                                    ? "none"
                                    : p.leader().id())
                    .append(", isr ")
                    .append(p.isr().stream().map(n -> n.id()).sorted().toList());
        }
        return out.toString();
    }

    /**
     * Records of the usage-event topics written but not yet consumed by {@code group} (end offset minus committed
     * offset, summed; a transaction marker counts as one).
     */
    long lag(String group) throws Exception {
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> wanted = new java.util.HashMap<>();
        committed.keySet().stream()
                .filter(tp ->
                        tp.topic().startsWith("usage-events") && !tp.topic().endsWith(".dlt"))
                .forEach(tp -> wanted.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
        var ends = admin.listOffsets(wanted).all().get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (var entry : ends.entrySet()) {
            var done = committed.get(entry.getKey());
            lag += Math.max(0, entry.getValue().offset() - (done == null ? 0 : done.offset()));
        }
        return lag;
    }

    /** Instance name (the client id before "-StreamThread") → partitions of {@code topic} it holds. */
    Map<String, Set<Integer>> holders(String topic) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(STREAMS_GROUP))
                .all()
                .get(10, TimeUnit.SECONDS)
                .get(STREAMS_GROUP);
        Map<String, Set<Integer>> holders = new TreeMap<>();
        for (MemberDescription member : group.members()) {
            String clientId = member.clientId();
            int cut = clientId.indexOf("-StreamThread");
            String instance = cut > 0 ? clientId.substring(0, cut) : clientId;
            Set<Integer> partitions = holders.computeIfAbsent(instance, i -> new TreeSet<>());
            for (TopicPartition tp : member.assignment().topicPartitions()) {
                if (tp.topic().equals(topic)) partitions.add(tp.partition());
            }
        }
        return holders;
    }
}
