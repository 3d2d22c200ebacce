package murmur.app.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's text cut into what a row shows as plain words and what it makes clickable: {@code @name} (a profile),
 * {@code #tag} (the posts held here with it) and {@code http(s)://} links. A mention or a tag starts the text or
 * follows a space or an opening bracket or quote, as the domain's mention rule; a link loses trailing punctuation.
 */
public final class PostText {
    private static final String START = "(?<![^\\s(\\[{\"'])";
    private static final Pattern TOKENS = Pattern.compile(
            "(?<link>https?://[^\\s<>\"]+)"
            + "|" + START + "@(?<name>[a-z0-9_]{3,20})(?![A-Za-z0-9_@])"
            + "|" + START + "#(?<tag>[\\p{L}\\p{N}_]{1,50})(?![\\p{L}\\p{N}_])");
    private static final String TRAILING = ".,;:!?)]}'\"";

    /** What a piece of text is. */
    public enum Kind {
        TEXT,
        MENTION,
        TAG,
        LINK
    }

    /**
     * One piece.
     *
     * @param kind  what it is
     * @param text  the characters shown
     * @param value the name, the tag (without its sign) or the URL; for plain text the text itself
     */
    public record Token(Kind kind, String text, String value) {}

    private PostText() {}

    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKENS.matcher(text);
        int plainFrom = 0;
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            Token token;
            if (m.group("link") != null) {
                String url = m.group("link");
                while (!url.isEmpty() && TRAILING.indexOf(url.charAt(url.length() - 1)) >= 0) {
                    url = url.substring(0, url.length() - 1);
                }
                end = start + url.length();
                if (url.length() <= "https://".length()) {
                    continue;
                }
                token = new Token(Kind.LINK, url, url);
            } else if (m.group("name") != null) {
                token = new Token(Kind.MENTION, m.group(), m.group("name"));
            } else {
                token = new Token(Kind.TAG, m.group(), m.group("tag"));
            }
            if (start > plainFrom) {
                out.add(plain(text.substring(plainFrom, start)));
            }
            out.add(token);
            plainFrom = end;
        }
        if (plainFrom < text.length()) {
            out.add(plain(text.substring(plainFrom)));
        }
        return out;
    }

    /** Whether {@code text} carries {@code #tag} as a tag (not inside a word or a link). */
    public static boolean hasTag(String text, String tag) {
        return tokens(text).stream().anyMatch(t -> t.kind() == Kind.TAG && t.value().equalsIgnoreCase(tag));
    }

    private static Token plain(String s) {
        return new Token(Kind.TEXT, s, s);
    }
}
