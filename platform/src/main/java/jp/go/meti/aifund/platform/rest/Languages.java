package jp.go.meti.aifund.platform.rest;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

import jp.go.meti.aifund.kernel.Text;

/**
 * The language a request is answered in: the caller's first preference among Japanese and English
 * ({@code Accept-Language}, by quality), English when it names neither or is absent or malformed.
 */
public final class Languages {

    public static final String ACCEPT_LANGUAGE = "Accept-Language";
    public static final String CONTENT_LANGUAGE = "Content-Language";

    private Languages() {
    }

    public static Locale of(HttpHeaders headers) {
        return of(headers == null ? null : headers.getHeaderString(ACCEPT_LANGUAGE));
    }

    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
        return ranges.stream().sorted(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed())
                .filter(r -> r.getWeight() > 0) // q=0: not acceptable
                .map(r -> r.getRange().toLowerCase(Locale.ROOT))
                .filter(r -> r.startsWith("ja") || r.startsWith("en") || r.equals("*")).findFirst()
                .map(r -> r.startsWith("ja") ? Text.JAPANESE : Locale.ENGLISH).orElse(Locale.ENGLISH);
    }

    /** {@code key} of the platform's texts in {@code language}. */
    public static String text(Locale language, String key, Object... args) {
        return new Text(key, args).in(language);
    }
}
