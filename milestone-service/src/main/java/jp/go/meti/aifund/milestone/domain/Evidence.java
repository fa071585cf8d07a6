package jp.go.meti.aifund.milestone.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;

/**
 * A reference to the evidence behind a measured value: where it is, what it is, and the SHA-256
 * digest of the document, so that a reviewer years later can tell it is the same document.
 */
public record Evidence(String uri, String title, String digest) {

    public static final int MAX_PER_RESULT = 20;
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    /** Every measured value carries at least one well-formed evidence reference. */
    public static List<Evidence> requireValid(List<Evidence> evidence) {
        if (evidence == null || evidence.isEmpty()) {
            throw new InvalidRequestException("evidence", new Text("milestone.evidence.required"));
        }
        if (evidence.size() > MAX_PER_RESULT) {
            throw new InvalidRequestException("evidence", new Text("milestone.evidence.too-many", String.valueOf(MAX_PER_RESULT)));
        }
        for (int i = 0; i < evidence.size(); i++) {
            String field = "evidence[" + i + "]";
            Evidence e = evidence.get(i);
            if (e == null) {
                throw new InvalidRequestException(field, new Text("milestone.evidence.null"));
            }
            requireWebAddress(field + ".uri", e.uri());
            if (e.title() == null || e.title().isBlank() || e.title().length() > 300) {
                throw new InvalidRequestException(field + ".title", new Text("milestone.evidence.title"));
            }
            if (e.digest() == null || !DIGEST.matcher(e.digest()).matches()) {
                throw new InvalidRequestException(field + ".digest", new Text("milestone.evidence.digest"));
            }
        }
        return List.copyOf(evidence);
    }

    private static void requireWebAddress(String field, String uri) {
        if (uri == null || uri.length() > 2000) {
            throw new InvalidRequestException(field, new Text("milestone.evidence.uri-length"));
        }
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || parsed.getHost() == null) {
                throw new InvalidRequestException(field, new Text("milestone.evidence.not-web"));
            }
        } catch (URISyntaxException e) {
            throw new InvalidRequestException(field, new Text("milestone.evidence.not-uri"));
        }
    }
}
