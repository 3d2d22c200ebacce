package murmur.app.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import murmur.app.feed.PostText.Kind;
import org.junit.jupiter.api.Test;

class PostTextTest {

    @Test
    void mentionsTagsAndLinksAreCutOutOfTheText() {
        assertThat(PostText.tokens("Hello @ada! Reading https://pdos.csail.mit.edu/~petar/papers/k.pdf #kademlia."))
                .extracting(PostText.Token::kind, PostText.Token::text, PostText.Token::value).containsExactly(
                        tuple(Kind.TEXT, "Hello ", "Hello "),
                        tuple(Kind.MENTION, "@ada", "ada"),
                        tuple(Kind.TEXT, "! Reading ", "! Reading "),
                        tuple(Kind.LINK, "https://pdos.csail.mit.edu/~petar/papers/k.pdf",
                                "https://pdos.csail.mit.edu/~petar/papers/k.pdf"),
                        tuple(Kind.TEXT, " ", " "),
                        tuple(Kind.TAG, "#kademlia", "kademlia"),
                        tuple(Kind.TEXT, ".", "."));
    }

    @Test
    void signsInsideWordsAndLinksAreNotClickable() {
        assertThat(PostText.tokens("mail bob@example.org about issue#12, see https://x.org/#top and http://"))
                .extracting(PostText.Token::kind).containsExactly(Kind.TEXT, Kind.LINK, Kind.TEXT);
        assertThat(PostText.tokens("(#café) and #日本")).extracting(PostText.Token::kind, PostText.Token::value)
                .contains(tuple(Kind.TAG, "café"), tuple(Kind.TAG, "日本"));
        assertThat(PostText.tokens("")).isEmpty();
    }

    @Test
    void theTextIsKeptWhole() {
        String text = "a @bob b #c https://d.example/e?f=g, h";
        assertThat(String.join("", PostText.tokens(text).stream().map(PostText.Token::text).toList())).isEqualTo(text);
        assertThat(PostText.hasTag("learning #Kademlia today", "kademlia")).isTrue();
        assertThat(PostText.hasTag("see https://x.org/#kademlia", "kademlia")).isFalse();
    }
}
