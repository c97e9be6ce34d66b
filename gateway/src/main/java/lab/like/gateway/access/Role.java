package lab.like.gateway.access;

/** The roles an API key can carry (API.md, "Authentication and tenancy"). */
public enum Role {
    TEAM,
    EMITTER,
    ANALYST,
    ADMIN
}
