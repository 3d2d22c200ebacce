package murmur.app.suggest;

/**
 * A suggested user as a row shows it.
 *
 * @param name   the user
 * @param reason "followed by 3 people you follow"
 */
public record SuggestionItem(String name, String reason) {

    static SuggestionItem followedBy(String name, int count) {
        return new SuggestionItem(name, "followed by " + count + (count == 1 ? " person" : " people") + " you follow");
    }

    static SuggestionItem featured(String name) {
        return new SuggestionItem(name, "active on this network");
    }
}
