package jp.go.meti.aifund.infra.testing;

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
}
