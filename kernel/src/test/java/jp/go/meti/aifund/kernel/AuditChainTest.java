package jp.go.meti.aifund.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.kernel.AuditChain.Link;

class AuditChainTest {

    private static List<Link> chain(String... contents) {
        List<Link> links = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 0; i < contents.length; i++) {
            String canonical = AuditChain.canonical(List.of(contents[i]));
            String hash = AuditChain.hash(previous, canonical);
            links.add(new Link(i + 1, previous, hash, canonical));
            previous = hash;
        }
        return links;
    }

    @Test
    void anIntactChainVerifies() {
        assertThat(AuditChain.firstBreak(chain("planned 100", "approved 100", "disbursed 100"))).isNull();
        assertThat(AuditChain.firstBreak(List.of())).isNull();
    }

    @Test
    void anEditedEntryIsNamed() {
        List<Link> links = chain("planned 100", "approved 100", "disbursed 100");
        Link edited = links.get(1);
        links.set(1, new Link(edited.entryId(), edited.previousHash(), edited.hash(),
                AuditChain.canonical(List.of("approved 1000"))));
        assertThat(AuditChain.firstBreak(links)).extracting(AuditChain.Break::entryId).isEqualTo(2L);
    }

    @Test
    void aRemovedOrReorderedEntryIsNamed() {
        List<Link> removed = chain("a", "b", "c");
        removed.remove(1);
        assertThat(AuditChain.firstBreak(removed)).extracting(AuditChain.Break::entryId).isEqualTo(3L);
        List<Link> swapped = chain("a", "b", "c");
        swapped.add(0, swapped.remove(1));
        assertThat(AuditChain.firstBreak(swapped)).extracting(AuditChain.Break::entryId).isEqualTo(2L);
    }

    @Test
    void theCanonicalFormIsUnambiguous() {
        assertThat(AuditChain.canonical(java.util.Arrays.asList("ab", "c")))
                .isNotEqualTo(AuditChain.canonical(java.util.Arrays.asList("a", "bc")));
        assertThat(AuditChain.canonical(java.util.Arrays.asList((Object) null)))
                .isNotEqualTo(AuditChain.canonical(List.of("")));
        assertThat(AuditChain.canonical(List.of("¥"))).isEqualTo("2:¥;");
    }
}
