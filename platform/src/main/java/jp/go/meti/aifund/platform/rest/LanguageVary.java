package jp.go.meti.aifund.platform.rest;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every answer may say its texts in the caller's language ({@link Languages}), so each one tells caches
 * that it varies by {@code Accept-Language}.
 */
public class LanguageVary {

    @ServerResponseFilter
    public void vary(ContainerResponseContext response) {
        response.getHeaders().add(HttpHeaders.VARY, Languages.ACCEPT_LANGUAGE);
    }
}
