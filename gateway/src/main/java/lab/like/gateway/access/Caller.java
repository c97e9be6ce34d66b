package lab.like.gateway.access;

import java.util.Set;
import java.util.stream.Collectors;
import lab.like.gateway.limits.TokenBucket;

/**
 * The authenticated owner of an API key (its configured name, organisation and roles), with the header values forwarded to the services computed once and
 * the key's own rate-limit bucket.
 */
public record Caller(String name, String organisation, Set<Role> roles, String rolesHeader, TokenBucket bucket) {

    /** Exchange attribute under which the gateway keeps the caller of the current request. */
    public static final String ATTRIBUTE = Caller.class.getName();

    static Caller of(String name, String organisation, Set<Role> roles, TokenBucket bucket) {
        String header = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
        return new Caller(name, organisation, Set.copyOf(roles), header, bucket);
    }
}
