package jp.go.meti.aifund.funding.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.go.meti.aifund.kernel.LargestRemainder;
import jp.go.meti.aifund.kernel.LargestRemainder.Part;
import jp.go.meti.aifund.kernel.LargestRemainder.Share;

/**
 * One fiscal year's money paid (net of recovered) per member: what was paid to the consortium,
 * split by the shares in force for the year with the largest-remainder rule, plus what was paid to
 * the member itself. The members' parts of the consortium's money add up to it exactly.
 */
public record PaidByMember(int fiscalYear, SharesInForce shares, long paidToConsortium, List<MemberPaid> members) {

    /** {@code total} = {@code fromConsortium} + {@code direct}. */
    public record MemberPaid(UUID recipientId, String name, int shareBasisPoints, long fromConsortium, long direct,
            long total) {

        MemberPaid(UUID recipientId, String name, int shareBasisPoints, long fromConsortium, long direct) {
            this(recipientId, name, shareBasisPoints, fromConsortium, direct, fromConsortium + direct);
        }
    }

    /** {@code direct}: paid to members themselves, by recipient id; {@code names} of every member. */
    public static PaidByMember of(int fiscalYear, SharesInForce shares, long paidToConsortium, Map<UUID, Long> direct,
            Map<UUID, String> names) {
        Map<UUID, MemberPaid> byMember = new LinkedHashMap<>();
        List<Share> split = shares.shares();
        List<Part> parts = split.isEmpty() ? List.of() : LargestRemainder.split(paidToConsortium, split);
        for (Part p : parts) {
            byMember.put(p.recipientId(), new MemberPaid(p.recipientId(), p.name(), p.shareBasisPoints(), p.amount(),
                    direct.getOrDefault(p.recipientId(), 0L)));
        }
        direct.forEach((id, amount) -> byMember.putIfAbsent(id, new MemberPaid(id, names.get(id), 0, 0, amount)));
        return new PaidByMember(fiscalYear, shares, paidToConsortium, new ArrayList<>(byMember.values()));
    }
}
