package lab.like.metrics.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who reads a capacity view: the caller's organisation ({@code *} for platform admins) and roles. Built in one
 * place from the gateway's identity headers ({@link #fromHeaders}); the signed internal token will replace that
 * source, not this record's users.
 */
public record Viewer(String organisation, Set<String> roles) {

    public static final String ORGANISATION_HEADER = "X-LikeLab-Organisation";
    public static final String ROLES_HEADER = "X-LikeLab-Roles";
    private static final Set<String> READERS = Set.of("TEAM", "ANALYST", "ADMIN");

    /** 401 without an organisation; 403 unless a role may read (TEAM, ANALYST, ADMIN). */
    public static Viewer fromHeaders(String organisation, String roles) {
        if (organisation == null || organisation.isBlank()) throw new MissingOrganisationException();
        Set<String> parsed = roles == null
                ? Set.of()
                : Arrays.stream(roles.split(","))
                        .map(String::trim)
                        .filter(r -> !r.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        Viewer viewer = new Viewer(organisation.trim(), parsed);
        if (parsed.stream().noneMatch(READERS::contains)) {
            throw new ForbiddenException("This view needs the TEAM, ANALYST or ADMIN role.");
        }
        return viewer;
    }

    public boolean admin() {
        return "*".equals(organisation);
    }

    /**
     * The organisation the view is computed for: an admin names one with {@code ?organisation=} (null: the
     * whole network); anyone else sees their own and may name only that one.
     */
    public String scope(String requested) {
        if (admin()) return requested;
        if (requested != null && !requested.equals(organisation)) {
            throw new ForbiddenException("Only an admin may name another organisation.");
        }
        return organisation;
    }
}
