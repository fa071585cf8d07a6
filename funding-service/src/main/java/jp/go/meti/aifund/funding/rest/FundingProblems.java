package jp.go.meti.aifund.funding.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jp.go.meti.aifund.funding.domain.LimitExceededException;
import jp.go.meti.aifund.funding.service.IdempotencyKeyReusedException;
import jp.go.meti.aifund.platform.rest.Problem;
import jp.go.meti.aifund.platform.rest.Problem.FieldError;
import jp.go.meti.aifund.platform.rest.ProblemMapper;

/** The problem families only the money has; the shared ones are in {@link ProblemMapper}. */
public class FundingProblems {

    @ServerExceptionMapper
    public Response limitExceeded(LimitExceededException e, UriInfo uri) {
        return ProblemMapper.respond(Problem.of("limit-exceeded", "Ceiling or envelope would be exceeded", 409,
                e.getMessage(), uri.getPath(), List.of(new FieldError("amount", "exceeds the headroom of " + e.limitName()))));
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedException e, UriInfo uri) {
        return ProblemMapper.respond(Problem.of("idempotency-key-reused", "Idempotency-Key reused", 422, e.getMessage(),
                uri.getPath(), List.of(new FieldError("Idempotency-Key", "was used for a different request"))));
    }
}
