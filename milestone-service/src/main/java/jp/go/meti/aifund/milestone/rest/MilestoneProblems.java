package jp.go.meti.aifund.milestone.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jp.go.meti.aifund.milestone.domain.ConflictOfInterestException;
import jp.go.meti.aifund.platform.rest.Problem;
import jp.go.meti.aifund.platform.rest.ProblemMapper;

/** The problem family only reviews have; the shared ones are in {@link ProblemMapper}. */
public class MilestoneProblems {

    @ServerExceptionMapper
    public Response conflictOfInterest(ConflictOfInterestException e, UriInfo uri) {
        return ProblemMapper.respond(Problem.of("conflict-of-interest", "Conflict of interest", 403, e.getMessage(),
                uri.getPath(), null));
    }
}
