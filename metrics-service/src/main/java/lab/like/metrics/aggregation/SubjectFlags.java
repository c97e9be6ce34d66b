package lab.like.metrics.aggregation;

/** Per-subject flags as bits; a subject is counted in a distinct count when its bit first turns on. */
public final class SubjectFlags {

    public static final int SEEN = 1;
    public static final int STARTER = 2;
    public static final int COMPLETER = 4;
    public static final int ABANDONER = 8;

    private SubjectFlags() {}

    /** The flags an event of this type sets: a completion implies a start. */
    public static int of(EventType type) {
        return switch (type) {
            case EXPOSURE, FEEDBACK -> SEEN;
            case START -> SEEN | STARTER;
            case COMPLETE -> SEEN | STARTER | COMPLETER;
            case ABANDON -> SEEN | ABANDONER;
        };
    }

    /** The bits that are new, given the flags before and the event's flags. */
    public static int newlySet(int before, int event) {
        return (before | event) & ~before;
    }
}
