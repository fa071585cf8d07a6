package jp.go.meti.aifund.infra.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * RS256 bearer tokens signed with the public development key, so that a person trying the local
 * stack can call the APIs in every role. Never used by a deployed service.
 */
public final class DevTokens {

    public static final String ISSUER = "https://auth.aifund.example";
    public static final String PUBLIC_KEY_RESOURCE = "dev-keys/aifund-dev-public.pem";
    private static final String PRIVATE_KEY_RESOURCE = "dev-keys/aifund-dev-private.pem";

    private final PrivateKey key;

    public DevTokens() {
        this.key = readPrivateKey();
    }

    public String mint(String person, String role, Duration validity) {
        return mint(person, role, List.of(), validity);
    }

    /** A token whose {@code recipients} claim names the recipients a consortium member acts for. */
    public String mint(String person, String role, List<String> recipients, Duration validity) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String recipientsClaim = recipients.isEmpty() ? ""
                : ",\"recipients\":[" + String.join(",", recipients.stream().map(r -> "\"" + UUID.fromString(r) + "\"")
                        .toList()) + "]";
        String claims = String.format("{\"iss\":\"%s\",\"upn\":\"%s\",\"sub\":\"%s\",\"groups\":[\"%s\"],"
                + "\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"%s}", ISSUER, person, person, role, now.getEpochSecond(),
                now.plus(validity).getEpochSecond(), UUID.randomUUID(), recipientsClaim);
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code deploy/run-local.sh token PERSON ROLE [RECIPIENT_ID,…]}: prints a 12-hour development token for
     * anyone (a third official to rule on an objection, a member acting for a recipient one created).
     */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: deploy/run-local.sh token PERSON ROLE [RECIPIENT_ID,...]");
            System.exit(2);
        }
        List<String> recipients = args.length == 3 ? List.of(args[2].split(",")) : List.of();
        System.out.println(new DevTokens().mint(args[0], args[1], recipients, Duration.ofHours(12)));
    }

    public static String publicKeyPem() {
        return resource(PUBLIC_KEY_RESOURCE);
    }

    private static PrivateKey readPrivateKey() {
        String pem = resource(PRIVATE_KEY_RESOURCE).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("development key unreadable", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
