package murmur.app.feed;

import java.util.function.Consumer;

/**
 * What a post's row can do: open a profile, and, where the page allows, reply to the post, open its thread, delete
 * it (offered on one's own posts only), show the posts with a tag, or open a link. A null action is not offered:
 * its words show as plain text.
 */
public record PostActions(Consumer<String> openProfile, Consumer<PostItem> reply, Consumer<PostItem> openThread,
        Consumer<PostItem> delete, Consumer<String> openTag, Consumer<String> openLink) {

    /** Only names link to profiles: for lists where the post's own actions make no sense. */
    public static PostActions profilesOnly(Consumer<String> openProfile) {
        return new PostActions(openProfile, null, null, null, null, null);
    }
}
