package jp.go.meti.aifund.funding.rest;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jp.go.meti.aifund.funding.domain.LimitExceededException;
import jp.go.meti.aifund.funding.service.IdempotencyKeyReusedException;
import jp.go.meti.aifund.platform.rest.Languages;
import jp.go.meti.aifund.platform.rest.Problem;
import jp.go.meti.aifund.platform.rest.Problem.FieldError;
import jp.go.meti.aifund.platform.rest.ProblemMapper;

/** The problem families only the money has; the shared ones are in {@link ProblemMapper}. */
public class FundingProblems {

    @ServerExceptionMapper
    public Response limitExceeded(LimitExceededException e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        return ProblemMapper.respond(Problem.of(language, "limit-exceeded", 409, e.message(language), uri.getPath(),
                List.of(new FieldError("amount", Languages.text(language, "funding.limit-field", e.limitName())))),
                language);
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedException e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        return ProblemMapper.respond(Problem.of(language, "idempotency-key-reused", 422, e.message(language),
                uri.getPath(), List.of(new FieldError("Idempotency-Key",
                        Languages.text(language, "funding.idempotency-key-field")))), language);
    }
}
