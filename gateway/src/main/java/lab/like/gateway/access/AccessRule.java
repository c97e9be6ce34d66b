package lab.like.gateway.access;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import lab.like.gateway.identity.Role;

/** One line of the role table: a named group of operations and the roles allowed to call them. */
public record AccessRule(String name, Set<Role> allowed) {

    public AccessRule {
        allowed = Collections.unmodifiableSet(EnumSet.copyOf(allowed));
    }

    static AccessRule of(String name, Role... roles) {
        return new AccessRule(name, EnumSet.of(roles[0], roles));
    }

    public boolean allowsAny(Set<Role> roles) {
        for (Role role : roles) {
            if (allowed.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
