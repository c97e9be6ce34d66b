package lab.like.experiment.platform;

import java.time.Clock;
import lab.like.experiment.ingestion.SubjectHasher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Clock, scheduling and the subject hasher (refusing the development secret under {@code prod}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SubjectHasher subjectHasher(LikeLabProperties props, Environment environment) {
        SubjectSecretPolicy.check(props.subjectSecret(), environment.acceptsProfiles(Profiles.of("prod")));
        return new SubjectHasher(props.subjectSecret());
    }
}
