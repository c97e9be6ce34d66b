package lab.like.metrics.web;

import java.util.Set;

/**
 * Who reads a capacity view: the verified caller's organisation ({@code *} for platform admins) and roles, with
 * the view's own role check (the identity filter checked the route's roles already; this is the second lock).
 */
public record Viewer(String organisation, Set<String> roles) {

    private static final Set<String> READERS = Set.of("TEAM", "ANALYST", "ADMIN");

    /** 403 unless a role may read (TEAM, ANALYST, ADMIN). */
    public static Viewer of(Caller caller) {
        if (caller.roles().stream().noneMatch(READERS::contains)) {
            throw new ForbiddenException("This view needs the TEAM, ANALYST or ADMIN role.");
        }
        return new Viewer(caller.organisation(), caller.roles());
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
