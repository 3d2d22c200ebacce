package murmur.app.feed;

import java.util.function.Consumer;

/**
 * What a post's row can do: open a profile, and, where the page allows, reply to the post, open its thread, delete
 * it (offered on one's own posts only), show the posts with a tag, open a link, like it (or take the like back),
 * repost it or quote it. A null action is not offered: its words show as plain text.
 */
public record PostActions(Consumer<String> openProfile, Consumer<PostItem> reply, Consumer<PostItem> openThread,
        Consumer<PostItem> delete, Consumer<String> openTag, Consumer<String> openLink, Consumer<PostItem> like,
        Consumer<PostItem> repost, Consumer<PostItem> quote) {

    /** Only names link to profiles: for lists where the post's own actions make no sense. */
    public static PostActions profilesOnly(Consumer<String> openProfile) {
        return inText(openProfile, null, null);
    }

    /** Names, tags and links in the text act; the post itself offers nothing. */
    public static PostActions inText(Consumer<String> openProfile, Consumer<String> openTag,
            Consumer<String> openLink) {
        return new PostActions(openProfile, null, null, null, openTag, openLink, null, null, null);
    }
}
