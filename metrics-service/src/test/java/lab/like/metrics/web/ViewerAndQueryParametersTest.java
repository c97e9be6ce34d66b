package lab.like.metrics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class ViewerAndQueryParametersTest {

    @Test
    void whenTheCallerIsAReaderThenTheViewerIsBuiltAndOnlyAnAdminNamesAnotherOrganisation() {
        Viewer team = Viewer.of(new Caller("demo-team", "demo", Set.of("EMITTER", "TEAM")));
        assertThat(team.organisation()).isEqualTo("demo");
        assertThat(team.roles()).containsExactlyInAnyOrder("EMITTER", "TEAM");
        assertThat(team.scope(null)).isEqualTo("demo");
        assertThat(team.scope("demo")).isEqualTo("demo");
        assertThatThrownBy(() -> team.scope("other")).isInstanceOf(ForbiddenException.class);
        Viewer admin = Viewer.of(new Caller("dev-admin", "*", Set.of("ADMIN")));
        assertThat(admin.scope(null)).isNull();
        assertThat(admin.scope("other")).isEqualTo("other");
    }

    @Test
    void whenNoRoleOfTheCallerMayReadThenForbidden() {
        for (Set<String> roles : java.util.List.of(Set.of("EMITTER"), Set.of("team"), Set.<String>of())) {
            assertThatThrownBy(() -> Viewer.of(new Caller("c", "demo", roles)))
                    .as("roles %s", roles)
                    .isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void whenParametersAreUnknownRepeatedOrNotSlugsThenEachIsNamed() {
        var query = new LinkedMultiValueMap<String, String>();
        query.add("organisation", "Demo");
        query.add("limit", "3");
        query.add("service", "a");
        query.add("service", "b");
        assertThatThrownBy(() -> QueryParameters.of(query, Set.of("organisation", "service")))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.errors())
                        .extracting(InvalidQueryException.FieldError::field)
                        .containsExactlyInAnyOrder("organisation", "limit", "service"));
        var good = new LinkedMultiValueMap<String, String>();
        good.add("organisation", "demo-2");
        assertThat(QueryParameters.of(good, Set.of("organisation")).get("organisation"))
                .isEqualTo("demo-2");
        assertThat(QueryParameters.of(new LinkedMultiValueMap<>(), Set.of("organisation"))
                        .get("organisation"))
                .isNull();
        assertThatThrownBy(() -> QueryParameters.slug("service", "-x")).isInstanceOf(InvalidQueryException.class);
        assertThat(QueryParameters.slug("service", "x-1")).isEqualTo("x-1");
    }
}
