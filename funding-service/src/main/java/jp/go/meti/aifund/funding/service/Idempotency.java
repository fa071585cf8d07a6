package jp.go.meti.aifund.funding.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;

/**
 * Runs a money-moving command at most once per (principal, Idempotency-Key). The key is claimed
 * with an INSERT in the transaction of the change: a concurrent retry waits on that row, then
 * finds the committed first answer and returns it; if the first attempt rolled back, the retry
 * runs as if it were first. A key reused for a different request is refused.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final EntityManager em;
    private final ObjectMapper json;

    public Idempotency(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T once(String principal, String key, Object request, Class<T> answerType, Supplier<T> command) {
        requireWellFormed(key);
        String fingerprint = fingerprint(request);
        int claimed = em.createNativeQuery("INSERT INTO idempotency_record (principal, key, fingerprint, created_at) "
                + "VALUES (?1, ?2, ?3, now()) ON CONFLICT DO NOTHING")
                .setParameter(1, principal).setParameter(2, key).setParameter(3, fingerprint)
                .executeUpdate();
        if (claimed == 0) {
            return firstAnswer(principal, key, fingerprint, answerType);
        }
        T answer = command.get();
        em.createNativeQuery("UPDATE idempotency_record SET response = ?1 WHERE principal = ?2 AND key = ?3")
                .setParameter(1, write(answer)).setParameter(2, principal).setParameter(3, key)
                .executeUpdate();
        return answer;
    }

    private <T> T firstAnswer(String principal, String key, String fingerprint, Class<T> answerType) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT fingerprint, response FROM idempotency_record WHERE principal = ?1 AND key = ?2")
                .setParameter(1, principal).setParameter(2, key).getResultList();
        Object[] row = rows.get(0);
        if (!fingerprint.equals(row[0])) {
            throw new IdempotencyKeyReusedException(key);
        }
        try {
            return json.readValue((String) row[1], answerType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer for an Idempotency-Key cannot be read", e);
        }
    }

    private static void requireWellFormed(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidRequestException(HEADER, new Text("funding.idempotency.required"));
        }
        if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidRequestException(HEADER, new Text("funding.idempotency.malformed", String.valueOf(MAX_KEY_LENGTH)));
        }
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
