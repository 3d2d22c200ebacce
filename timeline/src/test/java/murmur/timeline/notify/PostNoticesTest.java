package murmur.timeline.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostNoticesTest {

    @Test
    void mentionsAreValidNamesAfterAnAtSignNotInsideWordsOrAddresses() {
        assertThat(PostNotices.mentions("Hello @ada! Reading https://x.org/@paper #kademlia, cc @grace_h and @ada."))
                .containsExactly("ada", "grace_h");
        assertThat(PostNotices.mentions("mail me at bob@example.org, @@carol, @Dan, @x, @a_name_far_too_long_to_be"))
                .as("an address, a double at sign, upper case, too short, too long").isEmpty();
        assertThat(PostNotices.mentions("(@eve) @fay: @gus")).containsExactly("eve", "fay", "gus");
    }

    @Test
    void onePostMentionsAtMostTenUsers() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append("@user").append(i).append(' ');
        }
        assertThat(PostNotices.mentions(text.toString())).hasSize(PostNotices.MAX_MENTIONS).startsWith("user0");
    }

    @Test
    void theExcerptKeepsTheOpeningWordsWithinTheLimit() {
        assertThat(PostNotices.excerpt("short")).isEqualTo("short");
        String longText = "😀".repeat(500);
        String excerpt = PostNotices.excerpt(longText);
        assertThat(excerpt.codePointCount(0, excerpt.length())).isEqualTo(PostNotices.EXCERPT_CHARS);
        assertThat(excerpt).endsWith("…");
    }
}
