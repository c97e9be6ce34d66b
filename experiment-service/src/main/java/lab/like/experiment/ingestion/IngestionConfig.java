package lab.like.experiment.ingestion;

import lab.like.experiment.config.LikeLabProperties;
import lab.like.experiment.ingestion.domain.SubjectHasher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** The subject hasher, refusing the development secret under {@code prod}. */
@Configuration(proxyBeanMethods = false)
class IngestionConfig {

    @Bean
    SubjectHasher subjectHasher(LikeLabProperties props, Environment environment) {
        SubjectSecretPolicy.check(props.subjectSecret(), environment.acceptsProfiles(Profiles.of("prod")));
        return new SubjectHasher(props.subjectSecret());
    }
}
