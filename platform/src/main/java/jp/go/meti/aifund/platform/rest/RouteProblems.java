package jp.go.meti.aifund.platform.rest;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Problem documents answered by the HTTP routes that act before any resource (size limits, origins). */
final class RouteProblems {

    private RouteProblems() {
    }

    static String json(ObjectMapper json, Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the problem document " + problem.type(), e);
        }
    }

    static void send(RoutingContext context, ObjectMapper json, Problem problem, Locale language) {
        context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(Languages.CONTENT_LANGUAGE, language.getLanguage()).end(json(json, problem));
    }
}
