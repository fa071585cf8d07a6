package jp.go.meti.aifund.funding.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import jp.go.meti.aifund.kernel.LargestRemainder;

/**
 * What an adverse decision takes from each member, for the notice that precedes it: what it takes from
 * a consortium in a fiscal year, split once by the members' shares in force in that year (largest
 * remainder, so the parts add up exactly, and the same split as the pullback's own figures), a member's
 * or partner's own tranches kept whole.
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
        Map<Cut, Long> byYear = new LinkedHashMap<>(); // a consortium's cuts of one year are split together, not per tranche
        for (Cut cut : cuts) {
            byYear.merge(new Cut(cut.fiscalYear(), cut.recipientId(), cut.consortium(), 0), cut.amount(), Long::sum);
        }
        Map<UUID, Long> byMember = new LinkedHashMap<>();
        byYear.forEach((cut, amount) -> {
            List<LargestRemainder.Share> shares = cut.consortium() ? sharesOf.apply(cut.fiscalYear()).shares() : List.of();
            if (shares.isEmpty()) {
                byMember.merge(cut.recipientId(), amount, Long::sum);
            } else {
                LargestRemainder.split(amount, shares).forEach(p -> byMember.merge(p.recipientId(), p.amount(), Long::sum));
            }
        });
        List<MemberAmount> parts = new ArrayList<>();
        byMember.forEach((id, amount) -> parts.add(new MemberAmount(id, names.get(id), amount)));
        return parts;
    }

    public static long total(List<MemberAmount> parts) {
        return parts.stream().mapToLong(MemberAmount::amount).sum();
    }
}
