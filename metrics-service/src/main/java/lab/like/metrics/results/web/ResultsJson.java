package lab.like.metrics.results.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import lab.like.metrics.aggregation.Counts;
import lab.like.metrics.results.DailyResults;
import lab.like.metrics.results.VariantResult;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON shape of the results documents (API.md), kept out of the plain-Java results records: a variant's and a
 * daily row's {@link Counts} are top-level fields, as they were before {@code Counts} existed, and {@code scoreSum}
 * is left out ({@code meanScore} stands for it). Spring Boot adds the module to the application's JSON mapper.
 */
@Configuration(proxyBeanMethods = false)
public class ResultsJson {

    /** The module, also for tests that serialise a results document with a mapper of their own. */
    public static JacksonModule module() {
        return new SimpleModule("likelab-results")
                .setMixInAnnotation(VariantResult.class, FlatCounts.class)
                .setMixInAnnotation(DailyResults.Row.class, FlatCounts.class);
    }

    @Bean
    JacksonModule resultsJsonModule() {
        return module();
    }

    private interface FlatCounts {
        @JsonUnwrapped
        @JsonIgnoreProperties("scoreSum")
        Counts counts();
    }
}
