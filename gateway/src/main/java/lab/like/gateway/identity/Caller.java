package lab.like.gateway.identity;

import java.util.List;
import java.util.Set;
import lab.like.gateway.limits.StreamSlots;
import lab.like.gateway.limits.TokenBucket;

/**
 * The authenticated caller (an API key's owner or an OIDC subject): its name, organisation and roles as they go
 * into the internal token, its own rate-limit bucket and its open event streams.
 */
public record Caller(String name, String organisation, Set<Role> roles, TokenBucket bucket, StreamSlots streams) {

    /** Exchange attribute under which the gateway keeps the caller of the current request. */
    public static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** Role names, sorted, for the internal token's {@code roles} claim. */
    public List<String> roleNames() {
        return roles.stream().map(Role::name).sorted().toList();
    }
}
