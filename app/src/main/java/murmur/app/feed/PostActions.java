package murmur.app.feed;

import java.util.function.Consumer;

/**
 * What a post's row can do: open a profile, and, where the page allows, reply to the post, open its thread, or
 * delete it (offered on one's own posts only). A null action is not offered.
 */
public record PostActions(Consumer<String> openProfile, Consumer<PostItem> reply, Consumer<PostItem> openThread,
        Consumer<PostItem> delete) {

    /** Only names link to profiles: for lists where the post's own actions make no sense. */
    public static PostActions profilesOnly(Consumer<String> openProfile) {
        return new PostActions(openProfile, null, null, null);
    }
}
