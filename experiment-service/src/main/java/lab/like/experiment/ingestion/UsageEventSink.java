package lab.like.experiment.ingestion;

import java.util.List;
import lab.like.experiment.ingestion.domain.UsageEventRecord;
import reactor.core.publisher.Mono;

/** Where accepted events go; completes only when every one of them is durably written. */
public interface UsageEventSink {

    Mono<Void> publishAll(List<UsageEventRecord> events);
}
