package lab.like.experiment.registry.domain;

import static lab.like.experiment.registry.domain.Status.ARCHIVED;
import static lab.like.experiment.registry.domain.Status.COMPLETED;
import static lab.like.experiment.registry.domain.Status.DRAFT;
import static lab.like.experiment.registry.domain.Status.PAUSED;
import static lab.like.experiment.registry.domain.Status.RUNNING;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The one transition table of the iteration cycle. */
public final class Lifecycle {

    /** The lifecycle actions, each exposed as {@code POST /api/v1/experiments/{id}/<verb>}. */
    public enum Action {
        START,
        PAUSE,
        COMPLETE,
        ARCHIVE;

        public String verb() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Map<Status, Map<Action, Status>> TABLE = new EnumMap<>(Status.class);

    static {
        TABLE.put(DRAFT, Map.of(Action.START, RUNNING));
        TABLE.put(RUNNING, Map.of(Action.PAUSE, PAUSED, Action.COMPLETE, COMPLETED));
        TABLE.put(PAUSED, Map.of(Action.START, RUNNING, Action.COMPLETE, COMPLETED));
        TABLE.put(COMPLETED, Map.of(Action.ARCHIVE, ARCHIVED));
        TABLE.put(ARCHIVED, Map.of());
    }

    private Lifecycle() {}

    /** The status reached by {@code action} from {@code from}, or an {@link IllegalTransitionException}. */
    public static Status next(Status from, Action action) {
        Status to = TABLE.get(from).get(action);
        if (to == null) {
            throw new IllegalTransitionException(from, action);
        }
        return to;
    }

    static List<String> allowedFrom(Status from) {
        return TABLE.get(from).keySet().stream().sorted().map(Action::verb).toList();
    }
}
