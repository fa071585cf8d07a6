package jp.go.meti.aifund.platform.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document. {@code errors} names each offending field and why; {@code type}
 * is stable and documented, so a portal can branch on it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://aifund.meti.go.jp/problems/";

    public record FieldError(String field, String reason) {
    }

    /** The problem of {@code type}, titled in {@code language} by the platform's texts. */
    public static Problem of(Locale language, String type, int status, String detail, String instance,
            List<FieldError> errors) {
        return new Problem(URI.create(TYPE_BASE + type), Languages.text(language, "platform.problem." + type + ".title"),
                status, detail, instance, errors);
    }
}
