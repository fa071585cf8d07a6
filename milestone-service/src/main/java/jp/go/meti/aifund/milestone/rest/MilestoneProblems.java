package jp.go.meti.aifund.milestone.rest;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jp.go.meti.aifund.milestone.domain.ConflictOfInterestException;
import jp.go.meti.aifund.milestone.domain.UnknownProgrammeException;
import jp.go.meti.aifund.platform.rest.Languages;
import jp.go.meti.aifund.platform.rest.Problem;
import jp.go.meti.aifund.platform.rest.Problem.FieldError;
import jp.go.meti.aifund.platform.rest.ProblemMapper;

/** The problem families only this service has; the shared ones are in {@link ProblemMapper}. */
public class MilestoneProblems {

    @ServerExceptionMapper
    public Response conflictOfInterest(ConflictOfInterestException e, UriInfo uri, HttpHeaders headers) {
        return ProblemMapper.refusal(e, "conflict-of-interest", 403, uri, headers);
    }

    /** Not found, as far as the copy knows: a 404 that says the copy may lag, and when to ask again. */
    @ServerExceptionMapper
    public Response unknownProgramme(UnknownProgrammeException e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        return Response.status(404).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, UnknownProgrammeException.RETRY_AFTER_SECONDS)
                .header(Languages.CONTENT_LANGUAGE, language.getLanguage())
                .entity(Problem.of(language, "not-found", 404, e.message(language), uri.getPath(),
                        List.of(new FieldError("programmeId", Languages.text(language, "milestone.unknown-programme-field")))))
                .build();
    }
}
