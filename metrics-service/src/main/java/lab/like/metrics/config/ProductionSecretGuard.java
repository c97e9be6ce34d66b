package lab.like.metrics.config;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The {@code prod} profile refuses to start with the development subject secret (CONTRACTS.md). */
@Component
@Profile("prod")
class ProductionSecretGuard implements InitializingBean {

    private final MetricsProperties properties;

    ProductionSecretGuard(MetricsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        String secret = properties.subjectSecret();
        if (secret == null || secret.isBlank() || MetricsProperties.DEV_SECRET.equals(secret)) {
            throw new IllegalStateException("LIKELAB_SUBJECT_SECRET must be set to a non-development value in prod");
        }
    }
}
