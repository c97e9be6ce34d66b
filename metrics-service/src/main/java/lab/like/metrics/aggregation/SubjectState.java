package lab.like.metrics.aggregation;

/**
 * One subject's flags in one experiment variant, overall and per UTC day, in one small value:
 * {@code [total flags] ([epoch day: 2 bytes][day flags])*}. Days older than the oldest day a valid event can
 * still have are dropped whenever the value is rewritten, so the value stays small.
 */
public final class SubjectState {

    private static final int ENTRY = 3;

    private SubjectState() {}

    public static int total(byte[] state) {
        return state == null ? 0 : state[0];
    }

    public static int day(byte[] state, int epochDay) {
        if (state == null) return 0;
        for (int i = 1; i + ENTRY <= state.length; i += ENTRY) {
            if (dayAt(state, i) == epochDay) return state[i + 2];
        }
        return 0;
    }

    /** The state with these total and day flags, keeping only days from {@code oldestDay} on. */
    public static byte[] with(byte[] state, int totalFlags, int epochDay, int dayFlags, int oldestDay) {
        int kept = 0;
        int entries = state == null ? 0 : (state.length - 1) / ENTRY;
        byte[] out = new byte[1 + (entries + 1) * ENTRY];
        out[0] = (byte) totalFlags;
        int at = 1;
        for (int i = 0; i < entries; i++) {
            int offset = 1 + i * ENTRY;
            int day = dayAt(state, offset);
            if (day == epochDay || day < oldestDay) continue;
            System.arraycopy(state, offset, out, at, ENTRY);
            at += ENTRY;
            kept++;
        }
        out[at] = (byte) (epochDay >>> 8);
        out[at + 1] = (byte) epochDay;
        out[at + 2] = (byte) dayFlags;
        at += ENTRY;
        return at == out.length ? out : java.util.Arrays.copyOf(out, 1 + (kept + 1) * ENTRY);
    }

    private static int dayAt(byte[] state, int offset) {
        return ((state[offset] & 0xff) << 8) | (state[offset + 1] & 0xff);
    }
}
