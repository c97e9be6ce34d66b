package lab.like.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * OIDC access tokens at the gateway, against a JWKS and tokens this test makes itself (a loopback server, no
 * network): a valid token gives the same organisation-and-roles identity as an API key; expired, wrong issuer,
 * wrong audience, wrong signature and missing claims are 401s and never forwarded.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "likelab.gateway.oidc.issuer-uri=https://idp.utrecht.example/realms/city",
            "likelab.gateway.oidc.audience=likelab",
            "likelab.gateway.limits.anonymous-burst=1000"
        })
@AutoConfigureWebTestClient
class GatewayOidcTests {

    static final String ISSUER = "https://idp.utrecht.example/realms/city";
    static final RSAKey KEY = rsa("idp-key-1");
    static final RSAKey IMPOSTOR = rsa("idp-key-1"); // same key id, different key
    static final DisposableServer JWKS = HttpServer.create()
            .port(0)
            .route(routes ->
                    routes.get("/jwks", (request, response) -> response.header("Content-Type", "application/json")
                            .sendString(Mono.just(new JWKSet(KEY.toPublicJWK()).toString()))))
            .bindNow();
    static final DownstreamStub EXPERIMENTS = DownstreamStub.start("experiment-service");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("likelab.gateway.oidc.jwk-set-uri", () -> "http://localhost:" + JWKS.port() + "/jwks");
        registry.add("likelab.gateway.routing.experiment-service-url", EXPERIMENTS::baseUrl);
    }

    @AfterAll
    static void stop() {
        JWKS.disposeNow();
        EXPERIMENTS.close();
    }

    @Autowired
    WebTestClient client;

    @BeforeEach
    void forget() {
        EXPERIMENTS.clear();
    }

    @Test
    void whenTheTokenIsValidThenTheServiceReceivesItsSubjectOrganisationAndRolesSigned() throws Exception {
        call(token(KEY, claims -> {})).expectStatus().isOk();
        Jwt internal = InternalTokenChecks.decode(EXPERIMENTS.take().headers().getAll(HttpHeaders.AUTHORIZATION));
        assertThat(internal.getSubject()).isEqualTo("jan.jansen");
        assertThat(internal.getClaimAsString("org")).isEqualTo("utrecht");
        assertThat(internal.getClaimAsStringList("roles")).containsExactly("TEAM");
        assertThat(internal.getAudience()).containsExactly("experiment-service");
    }

    @Test
    void whenTheRolesDoNotAllowTheOperationThen403() {
        call(token(KEY, c -> c.claim("roles", List.of("EMITTER"))))
                .expectStatus()
                .isForbidden();
        assertThat(EXPERIMENTS.receivedNothing()).isTrue();
    }

    @Test
    void whenTheTokenIsExpiredForeignForAnotherAudienceForgedOrIncompleteThen401() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        List<String> invalid = List.of(
                token(KEY, c -> c.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300)))),
                token(KEY, c -> c.issuer("https://idp.elsewhere.example")),
                token(KEY, c -> c.audience("another-app")),
                token(IMPOSTOR, c -> {}),
                token(KEY, c -> c.claim("organisation", null)),
                token(KEY, c -> c.claim("roles", null)),
                token(KEY, c -> c.claim("roles", List.of("SUPERUSER"))),
                token(KEY, c -> c.subject(null)),
                token(KEY, c -> {}).substring(0, 40) + ".x.y");
        for (String token : invalid) {
            call(token)
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:likelab:problem:unauthorized");
        }
        assertThat(EXPERIMENTS.receivedNothing()).isTrue();
    }

    @Test
    void apiKeysStillWorkBesideOidc() {
        client.get()
                .uri("/api/v1/experiments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-team-key")
                .exchange()
                .expectStatus()
                .isOk();
    }

    private WebTestClient.ResponseSpec call(String token) {
        return client.get()
                .uri("/api/v1/experiments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    static String token(RSAKey key, Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("jan.jansen")
                .audience("likelab")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("organisation", "utrecht")
                .claim("roles", List.of("TEAM"));
        change.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
