package lab.like.metrics.aggregation;

/** experimentId|variant|day (day empty for the totals); the id of an aggregate in stores, topic and MongoDB. */
public record AggregateKey(String experimentId, String variant, String day) {

    public static AggregateKey total(String experimentId, String variant) {
        return new AggregateKey(experimentId, variant, null);
    }

    public String asString() {
        return experimentId + '|' + variant + '|' + (day == null ? "" : day);
    }

    /** Variant keys are slugs and days ISO dates, so the last two separators are unambiguous. */
    public static AggregateKey parse(String text) {
        int daySep = text.lastIndexOf('|');
        int variantSep = text.lastIndexOf('|', daySep - 1);
        if (daySep < 0 || variantSep < 0) throw new IllegalArgumentException("not an aggregate key");
        String day = text.substring(daySep + 1);
        return new AggregateKey(
                text.substring(0, variantSep), text.substring(variantSep + 1, daySep), day.isEmpty() ? null : day);
    }
}
