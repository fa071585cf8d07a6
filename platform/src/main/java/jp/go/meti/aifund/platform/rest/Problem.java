package jp.go.meti.aifund.platform.rest;

import java.net.URI;
import java.util.List;

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

    public static Problem of(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        return new Problem(URI.create(TYPE_BASE + type), title, status, detail, instance, errors);
    }
}
