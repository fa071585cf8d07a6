package jp.go.meti.aifund.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.notification.domain.PullbackPolicy;
import jp.go.meti.aifund.notification.domain.PullbackPolicy.Finding;
import jp.go.meti.aifund.notification.domain.Severity;
import jp.go.meti.aifund.notification.domain.WarningChangeKind;
import jp.go.meti.aifund.notification.domain.WarningKind;
import jp.go.meti.aifund.notification.domain.WarningState;
import jp.go.meti.aifund.notification.aggregate.Warning;
import jp.go.meti.aifund.notification.repository.WarningRepository;
import jp.go.meti.aifund.notification.service.Views.WarningView;
import jp.go.meti.aifund.platform.audit.Audited;
import jp.go.meti.aifund.platform.rest.ETags;
import jp.go.meti.aifund.platform.rest.Page;

/**
 * Stores warnings and their life cycle; every step (raised, acknowledged, resolved) is recorded
 * by {@link WarningJournal} in its transaction, for the live stream and the webhooks.
 */
@ApplicationScoped
public class Warnings {

    /** Who resolves a warning whose condition has ended. */
    private static final String SYSTEM = "notification-service";

    private final WarningRepository warnings;
    private final WarningJournal journal;
    private final PullbackPolicy policy;
    private final ObjectMapper json;
    private final Clock clock;
    private final ETags etags;

    public Warnings(WarningRepository warnings, WarningJournal journal, PullbackPolicy policy, ObjectMapper json,
            Clock clock, ETags etags) {
        this.warnings = warnings;
        this.journal = journal;
        this.policy = policy;
        this.json = json;
        this.clock = clock;
        this.etags = etags;
    }

    /**
     * Stores a finding as a warning, unless {@code dedupeKey} names a condition that already has an
     * unresolved warning (a recurring check raises it once).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Warning raise(Finding finding, UUID programmeId, List<UUID> causes, String dedupeKey) {
        return raise(finding, programmeId, null, causes, dedupeKey);
    }

    /** As {@link #raise(Finding, UUID, List, String)}, addressed to one recipient ({@code addressedTo}; null: to all). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Warning raise(Finding finding, UUID programmeId, UUID addressedTo, List<UUID> causes, String dedupeKey) {
        if (dedupeKey != null && warnings.unresolved(dedupeKey)) {
            return null;
        }
        Instant now = clock.instant();
        Warning w = Warning.raise(finding.kind(), finding.fiscalYear(), said(finding.title()), said(finding.detail()),
                programmeId, addressedTo,
                causes, policy.version(), finding.reduction() == null ? null : write(finding.reduction()), dedupeKey, now);
        warnings.persist(w);
        journal.record(w, WarningChangeKind.RAISED, now);
        return w;
    }

    public WarningView get(UUID id, Visibility visibility, Locale language) {
        Warning w = warnings.get(id);
        visibility.requireVisible("warning", id, w.programmeId, w.addressedTo);
        return WarningView.of(w, language);
    }

    public Page<WarningView> search(UUID programmeId, Integer fiscalYear, WarningKind kind, Severity severity,
            WarningState state, int page, int size, Visibility visibility, Locale language) {
        return Page.of(warnings.search(programmeId, fiscalYear, kind, severity, state, visibility.programmes(),
                visibility.recipients()), page,
                size, w -> WarningView.of(w, language));
    }

    @Transactional
    @Audited("warning.acknowledged")
    public WarningView acknowledge(UUID id, String note, String actor, String ifMatch, Locale language) {
        Warning w = warnings.lock(id);
        etags.require(ifMatch, WarningView.of(w, language)); // the version the caller read, in its language
        Instant now = clock.instant();
        journal.record(w, w.acknowledge(actor, note, now), now);
        return WarningView.of(w, language);
    }

    @Transactional
    @Audited("warning.resolved")
    public WarningView resolve(UUID id, String note, String actor, String ifMatch, Locale language) {
        Warning w = warnings.lock(id);
        etags.require(ifMatch, WarningView.of(w, language));
        resolve(w, note, actor);
        return WarningView.of(w, language);
    }

    /** Resolves a warning whose condition has ended (the service itself, as {@code actor}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolve(Warning w, String note, String actor) {
        Instant now = clock.instant();
        journal.record(w, w.resolve(actor, note, now), now);
    }

    /**
     * Links the unresolved warnings of {@code kind} of a programme to the decision that followed them
     * (a termination review to a {@code TERMINATE} decision): a confirmed decision resolves them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void followedBy(UUID programmeId, WarningKind kind, UUID decisionId, String decisionState, String decision) {
        Instant now = clock.instant();
        for (Warning w : warnings.unresolved(programmeId, kind)) {
            w.followedBy(decisionId, decisionState);
            if ("CONFIRMED".equals(decisionState)) {
                journal.record(w, w.resolve(SYSTEM, "followed by the confirmed " + decision, now), now);
            }
        }
    }

    /** Resolves the open warnings of a recurring condition that has ended, as the service itself. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolveAll(String dedupeKey, String note) {
        warnings.unresolvedOf(dedupeKey).forEach(w -> resolve(w, note, SYSTEM));
    }

    private static Warning.Said said(Text text) {
        return new Warning.Said(text.in(Locale.ENGLISH), TextJson.write(text));
    }

    private String write(Object figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
