package murmur.timeline;

import java.util.regex.Pattern;

/**
 * A user name: 3 to 20 characters, each a lowercase ASCII letter, a digit or an underscore. Names are the keys of
 * every user record ({@code user/<name>}, {@code presence/<name>}, ...), so they are case-sensitive and never
 * normalised behind the user's back.
 */
public record UserName(String value) {

    public static final String RULES = "3 to 20 characters: lowercase letters a-z, digits 0-9 and _";
    private static final Pattern VALID = Pattern.compile("[a-z0-9_]{3,20}");

    public UserName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new TimelineException(TimelineException.Reason.INVALID_NAME,
                    "'" + value + "' is not a valid user name; use " + RULES);
        }
    }

    /** Whether {@code text} is a valid name, without throwing. */
    public static boolean isValid(String text) {
        return text != null && VALID.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
