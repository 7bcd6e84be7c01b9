package org.rlsblog.comments;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;

/** Which stores {@link CommentKeys} may trust, and how it makes a pair one number. */
class CommentKeysTests {

    @Test
    void anEmbeddedH2DatabaseHasOneWriter() {
        assertThat(CommentKeys.isSoleWriter("jdbc:h2:file:./data/rls-blog;WRITE_DELAY=0;CACHE_SIZE=4096"))
                .isTrue();
        assertThat(CommentKeys.isSoleWriter("jdbc:h2:./data/rls-blog")).isTrue();
        assertThat(CommentKeys.isSoleWriter("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"))
                .isTrue();
    }

    @Test
    void aDatabaseOtherProcessesCanWriteHasMoreThanOne() {
        assertThat(CommentKeys.isSoleWriter("jdbc:postgresql://db:5432/blog")).isFalse();
        assertThat(CommentKeys.isSoleWriter("jdbc:h2:tcp://localhost/~/blog")).isFalse();
        assertThat(CommentKeys.isSoleWriter("jdbc:h2:ssl://localhost/~/blog")).isFalse();
        assertThat(CommentKeys.isSoleWriter("jdbc:h2:file:./data/blog;AUTO_SERVER=TRUE"))
                .isFalse();
        assertThat(CommentKeys.isSoleWriter("jdbc:h2:file:./data/blog;auto_server = true"))
                .isFalse();
        assertThat(CommentKeys.isSoleWriter("jdbc:h2:file:./data/blog;FILE_LOCK=NO"))
                .isFalse();
        assertThat(CommentKeys.isSoleWriter(null)).isFalse();
    }

    @Test
    void aKeyDependsOnTheAddressAndTheText() {
        String text = DigestUtils.sha256Hex("Same words");
        long key = CommentKeys.key("ann@example.org", text);

        assertThat(CommentKeys.key("ann@example.org", text)).isEqualTo(key);
        assertThat(CommentKeys.key("bob@example.org", text)).isNotEqualTo(key);
        assertThat(CommentKeys.key("ann@example.org", DigestUtils.sha256Hex("Other words")))
                .isNotEqualTo(key);
    }
}
