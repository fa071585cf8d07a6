package jp.go.meti.aifund.funding.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.go.meti.aifund.kernel.LargestRemainder.Share;

/**
 * The members' shares a split uses, and where they come from: a confirmed share table
 * ({@code shareTableId}, in force from {@code effectiveFrom}), or the founding shares recorded
 * when the members were added ({@code shareTableId} and {@code effectiveFrom} null).
 */
public record SharesInForce(UUID shareTableId, LocalDate effectiveFrom, List<Share> shares) {

    public static SharesInForce founding(List<Share> shares) {
        return new SharesInForce(null, null, shares);
    }
}
