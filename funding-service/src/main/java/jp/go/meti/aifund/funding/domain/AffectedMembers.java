package jp.go.meti.aifund.funding.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import jp.go.meti.aifund.kernel.LargestRemainder;

/**
 * What an adverse decision takes from each member, for the notice that precedes it: each tranche's
 * cut, a consortium's split by the members' shares in force in the tranche's fiscal year (largest
 * remainder, so the parts add up exactly), a member's or partner's own tranche kept whole.
 */
public final class AffectedMembers {

    private AffectedMembers() {
    }

    /** What the decision takes from one tranche of {@code recipientId}. */
    public record Cut(int fiscalYear, UUID recipientId, boolean consortium, long amount) {
    }

    public record MemberAmount(UUID recipientId, String name, long amount) {
    }

    /** {@code sharesOf}: the shares in force in a fiscal year; {@code names}: every recipient's name. */
    public static List<MemberAmount> of(List<Cut> cuts, IntFunction<SharesInForce> sharesOf, Map<UUID, String> names) {
        Map<UUID, Long> byMember = new LinkedHashMap<>();
        for (Cut cut : cuts) {
            List<LargestRemainder.Share> shares = cut.consortium() ? sharesOf.apply(cut.fiscalYear()).shares() : List.of();
            if (shares.isEmpty()) {
                byMember.merge(cut.recipientId(), cut.amount(), Long::sum);
            } else {
                LargestRemainder.split(cut.amount(), shares)
                        .forEach(p -> byMember.merge(p.recipientId(), p.amount(), Long::sum));
            }
        }
        List<MemberAmount> parts = new ArrayList<>();
        byMember.forEach((id, amount) -> parts.add(new MemberAmount(id, names.get(id), amount)));
        return parts;
    }

    public static long total(List<MemberAmount> parts) {
        return parts.stream().mapToLong(MemberAmount::amount).sum();
    }
}
