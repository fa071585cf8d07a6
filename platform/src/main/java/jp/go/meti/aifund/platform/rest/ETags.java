package jp.go.meti.aifund.platform.rest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.go.meti.aifund.kernel.StaleVersionException;

/**
 * Versions of a resource for optimistic concurrency, as a browser portal uses them: every answer
 * that is one resource carries an {@code ETag}, a digest of exactly what it shows; a write sent
 * with {@code If-Match} acts only if the resource still shows that (checked under the write's
 * lock, so two officials deciding on the same version cannot both succeed); otherwise 412.
 */
@ApplicationScoped
public class ETags {

    public static final String IF_MATCH = "If-Match";

    private final ObjectMapper json;

    public ETags(ObjectMapper json) {
        this.json = json;
    }

    /** The strong ETag of a representation: the first 128 bits of the SHA-256 of its JSON. */
    public String of(Object representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(representation));
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + '"';
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute the ETag of " + representation.getClass(), e);
        }
    }

    /**
     * Refuses the write unless {@code ifMatch} (absent: unconditional; {@code *}: any version that
     * exists) names the resource's current representation ({@code null}: there is none yet). Call
     * it after locking the resource.
     */
    public void require(String ifMatch, Object current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        if (current == null) {
            throw new StaleVersionException("none: the resource does not exist yet");
        }
        if (ifMatch.strip().equals("*")) {
            return;
        }
        String etag = of(current);
        boolean matches = Arrays.stream(ifMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag).anyMatch(etag::equals);
        if (!matches) {
            throw new StaleVersionException(etag);
        }
    }

    /** Sets the ETag of an answer that is one resource (not a list, a page, a problem or text). */
    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        boolean oneResource = entity != null && !(entity instanceof Page<?> || entity instanceof Collection<?>
                || entity instanceof Map<?, ?> || entity instanceof Problem || entity instanceof CharSequence
                || entity instanceof byte[]);
        if (oneResource && response.getStatus() < 300 && MediaType.APPLICATION_JSON_TYPE.isCompatible(
                response.getMediaType()) && !response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, of(entity));
        }
    }
}
