package jp.go.meti.aifund.platform.rest;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** The authenticated person behind the request, as the services record them. */
@RequestScoped
public class Caller {

    /** The claim naming the recipients a consortium member acts for (recipient ids). */
    public static final String RECIPIENTS_CLAIM = "recipients";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token's {@code upn}, {@code preferred_username} or {@code sub}, in that order. */
    public String name() {
        return identity.getPrincipal().getName();
    }

    /**
     * Empty for staff (they read every recipient's records); for a consortium member, the
     * recipients its token names (none when the claim is missing or malformed: it then reads none).
     */
    public Optional<Set<UUID>> actsOnlyFor() {
        if (!identity.hasRole(Roles.CONSORTIUM_MEMBER) || Roles.STAFF.stream().anyMatch(identity::hasRole)) {
            return Optional.empty();
        }
        return Optional.of(recipientsNamed());
    }

    /** The recipients the token's {@link #RECIPIENTS_CLAIM} names, whatever its roles (malformed entries grant nothing). */
    public Set<UUID> recipientsNamed() {
        Set<UUID> recipients = new LinkedHashSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(RECIPIENTS_CLAIM);
            Collection<?> values = claim instanceof JsonArray array ? array
                    : claim instanceof Collection<?> collection ? collection : claim == null ? Set.of() : Set.of(claim);
            for (Object value : values) {
                String text = value instanceof JsonString string ? string.getString() : String.valueOf(value);
                try {
                    recipients.add(UUID.fromString(text));
                } catch (IllegalArgumentException notAnId) {
                    // a malformed entry grants nothing
                }
            }
        }
        return recipients;
    }
}
