package lab.like.experiment.platform;

import java.util.Set;

/**
 * Who is calling, as the gateway forwarded it: a name (the API key's configured name or the token's subject, for
 * the audit history; never a credential), an organisation ({@code *} for platform admins) and roles.
 */
public record Caller(String name, String organisation, Set<String> roles) {

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
