package lab.like.experiment.identity;

import java.util.Set;

/**
 * Who is calling, from the gateway's verified internal token: the caller's name ({@code sub}: an API key's name
 * or an OIDC subject), an organisation ({@code *} for platform admins) and roles.
 */
public record Caller(String name, String organisation, Set<String> roles) {

    public static final String ALL_ORGANISATIONS = "*";

    /** Exchange attribute under which the identity filter keeps the verified caller. */
    public static final String ATTRIBUTE = Caller.class.getName();

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
