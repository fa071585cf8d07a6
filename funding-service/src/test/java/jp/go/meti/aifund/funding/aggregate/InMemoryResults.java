package jp.go.meti.aifund.funding.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.go.meti.aifund.funding.aggregate.Settlement.Step;
import jp.go.meti.aifund.funding.domain.MilestoneResult;
import jp.go.meti.aifund.funding.domain.PaymentRule;
import jp.go.meti.aifund.funding.domain.TrancheState;

/**
 * A programme FY2026–FY2030 with every year's envelope, its result-linked allocations and their
 * tranches held in plain collections: the {@link Settlement.Book} of the unit tests.
 */
final class InMemoryResults implements Settlement.Book {

    static final Instant NOW = Instant.parse("2027-05-20T06:30:00Z");
    static final LocalDate TODAY = LocalDate.parse("2031-01-06");
    static final UUID GOAL = UUID.fromString("8e1f2a3b-4c5d-4e6f-9a0b-1c2d3e4f5a6b");

    final Programme programme = Programme.create("Sovereign AI", 1_000_000_000_000L, 2026, 2030, "METI", "NEDO",
            "meti.admin", NOW);
    final Map<Integer, Envelope> envelopes = new HashMap<>();
    final Map<UUID, ResultLink> links = new LinkedHashMap<>();
    final List<Tranche> tranches = new ArrayList<>();
    final Map<Integer, Settlement.Review> reviews = new HashMap<>();
    final UUID recipient = UUID.randomUUID();

    InMemoryResults() {
        for (int fy = 2026; fy <= 2030; fy++) {
            Envelope e = programme.newEnvelope(fy);
            programme.plan(e, 200_000_000_000L);
            envelopes.put(fy, e);
        }
    }

    /** An FY2027 tranche paid by the FY2026 milestone PARAMS, which implements {@link #GOAL}. */
    Tranche plan(long allocation, PaymentRule rule, Integer rollOverUntil) {
        var m = new ResultLink.MilestoneRef(UUID.randomUUID(), programme.id, 2026, "PARAMS", GOAL);
        var planned = programme.planResultLinked(envelopes.get(2027), recipient, "paid by results", allocation, m, rule,
                rollOverUntil, "nedo.tanaka", NOW);
        add(planned.link());
        add(planned.tranche());
        return planned.tranche();
    }

    /** Applies revision {@code revision} of the FY{@code fiscalYear} review to every link it assesses. */
    List<Step> review(int fiscalYear, int revision, boolean met, String achievement) {
        MilestoneResult result = new MilestoneResult(fiscalYear == 2026 ? "PARAMS" : "PARAMS-" + fiscalYear, GOAL, met,
                jp.go.meti.aifund.kernel.Ratio.parse(achievement));
        Settlement.Review review = new Settlement.Review(UUID.nameUUIDFromBytes((fiscalYear + "/" + revision).getBytes()),
                revision, List.of(result));
        if (reviews.containsKey(fiscalYear) && reviews.get(fiscalYear).revision() >= revision) {
            return List.of();
        }
        reviews.put(fiscalYear, review);
        Settlement settlement = new Settlement(programme, this, NOW);
        List<Step> steps = new ArrayList<>();
        for (ResultLink link : List.copyOf(links.values())) {
            if (link.milestoneFiscalYear == fiscalYear) {
                steps.addAll(settlement.apply(link, review));
            }
        }
        return steps;
    }

    void approve(Tranche t) {
        programme.approve(t, envelopes.get(t.fiscalYear), "meti.suzuki", NOW);
    }

    void disburse(Tranche t) {
        programme.disburse(t, envelopes.get(t.fiscalYear), "meti.sato", null, TODAY, NOW);
    }

    ResultLink linkOf(Tranche t) {
        return links.get(t.resultLinkId);
    }

    /** The link of each fiscal year in the chain that starts at {@code first}, in order. */
    List<ResultLink> chain(ResultLink first) {
        List<ResultLink> chain = new ArrayList<>();
        for (ResultLink l = first; l != null; l = l.rolledOverTo == null ? null : links.get(l.rolledOverTo)) {
            chain.add(l);
        }
        return chain;
    }

    long sum(List<Tranche> of, java.util.function.ToLongFunction<Tranche> f) {
        return of.stream().mapToLong(f).sum();
    }

    List<Tranche> inState(TrancheState state) {
        return tranches.stream().filter(t -> t.state == state).toList();
    }

    @Override
    public List<Tranche> tranchesOf(ResultLink link) {
        return tranches.stream().filter(t -> link.id.equals(t.resultLinkId)).toList();
    }

    @Override
    public ResultLink link(UUID id) {
        return links.get(id);
    }

    @Override
    public Optional<Envelope> envelope(int fiscalYear) {
        return Optional.ofNullable(envelopes.get(fiscalYear));
    }

    @Override
    public Optional<Settlement.Review> review(int fiscalYear) {
        return Optional.ofNullable(reviews.get(fiscalYear));
    }

    @Override
    public void add(ResultLink link) {
        links.put(link.id, link);
    }

    @Override
    public void add(Tranche tranche) {
        tranches.add(tranche);
    }
}
