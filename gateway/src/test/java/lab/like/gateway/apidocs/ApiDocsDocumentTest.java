package lab.like.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lab.like.gateway.access.AccessPolicy;
import lab.like.gateway.access.AccessRule;
import lab.like.gateway.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The hand-written document against the gateway's access table, and the completeness the issue asks for. */
class ApiDocsDocumentTest {

    private static final Pattern ROLES = Pattern.compile("Roles: ((?:`[A-Z]+`(?:, )?)+)\\.");

    private final OpenAPI api = document();
    private final AccessPolicy policy = new AccessPolicy();

    record Op(String method, String path, Operation operation) {
        String concrete() {
            return path.replace("{id}", "e1").replace("{service}", "parking-permit");
        }
    }

    @Test
    void everyDocumentedOperationIsAnOperationOfTheAccessTableWithTheRolesItStates() {
        for (Op op : operations()) {
            AccessRule rule = policy.match(op.method(), op.concrete());
            assertThat(rule)
                    .as(op.method() + " " + op.path() + " is in the access table")
                    .isNotNull();
            Matcher roles = ROLES.matcher(op.operation().getDescription());
            assertThat(roles.find()).as(op.path() + " names its roles").isTrue();
            Set<Role> stated = EnumSet.noneOf(Role.class);
            for (String role : roles.group(1).replace("`", "").split(", ")) {
                stated.add(Role.valueOf(role));
            }
            assertThat(stated).as(op.method() + " " + op.path()).isEqualTo(rule.allowed());
        }
    }

    @Test
    void everyRuleOfTheAccessTableHasADocumentedOperation() {
        Set<String> documented = operations().stream()
                .map(op -> policy.match(op.method(), op.concrete()).name())
                .collect(Collectors.toSet());
        assertThat(documented)
                .containsExactlyInAnyOrderElementsOf(
                        policy.rules().stream().map(AccessRule::name).toList());
    }

    @Test
    void everyOperationHasSummaryDescriptionAndProblemDocumentsForEveryError() {
        assertThat(operations()).hasSize(16);
        for (Op op : operations()) {
            Operation operation = op.operation();
            String name = op.method() + " " + op.path();
            assertThat(operation.getSummary()).as(name).isNotBlank();
            assertThat(operation.getDescription()).as(name).isNotBlank();
            assertThat(operation.getOperationId()).as(name).isNotBlank();
            assertThat(operation.getResponses().keySet())
                    .as(name)
                    .contains("401", "403", "429", "503", "504")
                    .anyMatch(status -> status.startsWith("2"));
            if (operation.getRequestBody() != null) {
                assertThat(operation.getResponses().keySet()).as(name).contains("400", "413", "415");
            }
            if (op.path().contains("{")) {
                assertThat(operation.getResponses().keySet()).as(name).contains("404");
            }
            for (Map.Entry<String, ApiResponse> response :
                    operation.getResponses().entrySet()) {
                ApiResponse resolved = resolve(response.getValue());
                if (response.getKey().startsWith("2")) {
                    assertThat(resolved.getContent())
                            .as(name + " " + response.getKey())
                            .isNotEmpty();
                    continue;
                }
                MediaType problem = resolved.getContent().get("application/problem+json");
                assertThat(problem).as(name + " " + response.getKey()).isNotNull();
                assertThat(problem.getSchema().get$ref()).isEqualTo("#/components/schemas/Problem");
                assertThat(problem.getExample())
                        .as(name + " " + response.getKey() + " example")
                        .isNotNull();
            }
        }
    }

    @Test
    void internalParametersAndHeadersNeverAppear() {
        for (Op op : operations()) {
            List<String> names = new ArrayList<>();
            if (api.getPaths().get(op.path()).getParameters() != null) {
                api.getPaths().get(op.path()).getParameters().forEach(p -> names.add(parameterName(p)));
            }
            if (op.operation().getParameters() != null) {
                op.operation().getParameters().forEach(p -> names.add(parameterName(p)));
            }
            assertThat(names).as(op.path()).noneMatch(n -> n.equalsIgnoreCase("caller") || n.startsWith("X-LikeLab"));
        }
        assertThat(raw().toString())
                .doesNotContain("X-LikeLab")
                .doesNotContain(":8081")
                .doesNotContain(":8082");
    }

    @Test
    void everyReferenceResolvesAndTheDocumentIsOpenApi31WithBothSecuritySchemes() {
        JsonNode root = raw();
        assertThat(root.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys("apiKey", "oidc");
        Set<String> refs = new HashSet<>();
        collectRefs(root, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(root.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    @Test
    void whenAnOidcIssuerIsConfiguredThenTheOidcSchemeNamesItsDiscoveryDocument() {
        OpenAPI configured = new ApiDocsConfiguration()
                .publicApi(new ApiDocsProperties(
                        new ClassPathResource("openapi/likelab-api.yaml"), "https://idp.example/realms/demo/"));
        var oidc = configured.getComponents().getSecuritySchemes().get("oidc");
        assertThat(oidc.getType().toString()).isEqualTo("openIdConnect");
        assertThat(oidc.getOpenIdConnectUrl())
                .isEqualTo("https://idp.example/realms/demo/.well-known/openid-configuration");
    }

    private void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private String parameterName(io.swagger.v3.oas.models.parameters.Parameter parameter) {
        String ref = parameter.get$ref();
        return ref == null
                ? parameter.getName()
                : api.getComponents()
                        .getParameters()
                        .get(ref.substring(ref.lastIndexOf('/') + 1))
                        .getName();
    }

    private ApiResponse resolve(ApiResponse response) {
        String ref = response.get$ref();
        return ref == null ? response : api.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            path.getValue()
                    .readOperationsMap()
                    .forEach((method, operation) -> ops.add(new Op(method.name(), path.getKey(), operation)));
        }
        return ops;
    }

    static OpenAPI document() {
        try (InputStream in = new ClassPathResource("openapi/likelab-api.yaml").getInputStream()) {
            return Yaml31.mapper().readValue(in, OpenAPI.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode raw() {
        try (InputStream in = new ClassPathResource("openapi/likelab-api.yaml").getInputStream()) {
            return Yaml31.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
