package lab.like.experiment.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link StrictJson} on the application's JSON mapper (Boot adds every module bean). */
@Configuration(proxyBeanMethods = false)
class WebJsonConfig {

    @Bean
    StrictJson strictJson() {
        return new StrictJson();
    }
}
