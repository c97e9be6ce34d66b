package lab.like.experiment.platform;

import java.util.Set;

/** Who is calling, as the gateway forwarded it: an organisation ({@code *} for platform admins) and roles. */
public record Caller(String organisation, Set<String> roles) {

    public static final String ALL_ORGANISATIONS = "*";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return ALL_ORGANISATIONS.equals(organisation);
    }

    /** Tenancy: whether this caller may see anything of {@code owner}. */
    public boolean sees(String owner) {
        return isAdmin() || organisation.equals(owner);
    }
}
