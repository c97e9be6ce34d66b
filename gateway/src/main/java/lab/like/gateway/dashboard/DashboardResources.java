package lab.like.gateway.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.webjars.WebJarVersionLocator;

/**
 * GOV.UK Frontend's compiled CSS refers to its fonts and images at {@code /assets/...}: serve that path from
 * the govuk-frontend webjar, so every asset of the dashboard comes from the gateway itself. The page, its
 * scripts ({@code static/}) and the vendor files under {@code /webjars/**} are Spring Boot's own static
 * resource handling.
 */
@Configuration(proxyBeanMethods = false)
class DashboardResources implements WebFluxConfigurer {

    static final String GOVUK_FRONTEND = "govuk-frontend";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String version = new WebJarVersionLocator().version(GOVUK_FRONTEND);
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/" + GOVUK_FRONTEND + "/" + version
                        + "/dist/govuk/assets/");
    }
}
