package jp.go.meti.aifund.infra.testing;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed with the development key, as the identity provider would issue them. */
public final class Tokens {

    public static final String ISSUER = "https://auth.aifund.example";

    private Tokens() {
    }

    public static String of(String person, String... roles) {
        return Jwt.upn(person).issuer(ISSUER).groups(Set.of(roles)).expiresIn(3600).sign();
    }

    /** A consortium member acting for the given recipients (the {@code recipients} claim). */
    public static String member(String person, String... recipientIds) {
        return Jwt.upn(person).issuer(ISSUER).groups(Set.of("consortium-member")).claim("recipients", List.of(recipientIds))
                .expiresIn(3600).sign();
    }

    /** Signed with the right key, but expired an hour ago. */
    public static String expired(String person, String role) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.upn(person).issuer(ISSUER).groups(Set.of(role)).issuedAt(now - 7200).expiresAt(now - 3600).sign();
    }

    /** Right claims, signed with a key the services do not trust. */
    public static String forged(String person, String role) {
        try {
            return Jwt.upn(person).issuer(ISSUER).groups(Set.of(role)).expiresIn(3600)
                    .sign(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with the right key by an issuer the services do not accept. */
    public static String wrongIssuer(String person, String role) {
        return Jwt.upn(person).issuer("https://evil.example").groups(Set.of(role)).expiresIn(3600).sign();
    }
}
