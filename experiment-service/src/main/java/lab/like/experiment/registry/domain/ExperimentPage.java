package lab.like.experiment.registry.domain;

import java.util.List;

/** One page of the experiment list, newest first; {@code next} is the cursor of the following page, null on the last. */
public record ExperimentPage(List<Experiment> items, String next) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    public ExperimentPage {
        items = List.copyOf(items);
    }
}
