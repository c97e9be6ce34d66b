package lab.like.gateway.identity;

/** The roles an API key can carry (API.md, "Authentication and tenancy"). */
public enum Role {
    TEAM,
    EMITTER,
    ANALYST,
    ADMIN
}
