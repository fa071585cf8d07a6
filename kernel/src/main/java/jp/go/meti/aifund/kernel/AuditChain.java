package jp.go.meti.aifund.kernel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A hash chain (a programme's ledger, a service's audit trail): hash(entry) = SHA-256(previous hash, canonical form). The
 * canonical form writes each field as its length, a colon and its UTF-8 text, so that no two
 * different entries share one ("ab"+"c" ≠ "a"+"bc"); an absent field is written as "-".
 */
public final class AuditChain {

    /** The "previous hash" of a chain's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String canonical(List<?> fields) {
        StringBuilder out = new StringBuilder();
        for (Object field : fields) {
            if (field == null) {
                out.append('-');
            } else {
                String text = field.toString();
                out.append(text.getBytes(StandardCharsets.UTF_8).length).append(':').append(text);
            }
            out.append(';');
        }
        return out.toString();
    }

    public static String hash(String previousHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a chain breaks: the first entry whose link or content does not match, and why. */
    public record Break(long entryId, String reason) {
    }

    /** One entry as the verification reads it. */
    public record Link(long entryId, String previousHash, String hash, String canonical) {
    }

    /** Walks the entries in order; the first break, or null when the chain is whole. */
    public static Break firstBreak(Iterable<Link> entries) {
        String expectedPrevious = GENESIS;
        for (Link e : entries) {
            if (!expectedPrevious.equals(e.previousHash())) {
                return new Break(e.entryId(), "links to " + e.previousHash() + ", not to the entry before it ("
                        + expectedPrevious + "): an entry was removed, reordered or inserted");
            }
            String recomputed = hash(e.previousHash(), e.canonical());
            if (!recomputed.equals(e.hash())) {
                return new Break(e.entryId(), "its content no longer matches its hash: it was edited");
            }
            expectedPrevious = e.hash();
        }
        return null;
    }
}
