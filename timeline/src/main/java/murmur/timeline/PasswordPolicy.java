package murmur.timeline;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which passwords a new account may have. The sealed key in {@code user/<name>} is public, so a password is only as
 * good as the number of guesses an offline attacker needs: zxcvbn estimates that from dictionaries, names, keyboard
 * patterns, dates and the user's own name, and a password must reach {@link #MIN_SCORE} (zxcvbn's "safely
 * unguessable: moderate protection from offline slow-hash scenario", about 10^8 guesses or more). The reason for a
 * refusal is zxcvbn's feedback in words. Thread-safe; the first check loads the dictionaries (about 150 ms).
 */
public final class PasswordPolicy {

    /** The lowest zxcvbn score (0 to 4) a new password may have. */
    public static final int MIN_SCORE = 3;
    /** The shortest password, in characters, checked before zxcvbn. */
    public static final int MIN_CHARS = Accounts.MIN_PASSWORD_CHARS;
    /** Longer passwords are measured on their first this many characters only (zxcvbn's cost grows with length). */
    private static final int MEASURED_CHARS = 100;

    private static final class Holder {
        static final Zxcvbn ZXCVBN = new Zxcvbn();
    }

    private PasswordPolicy() {}

    /** Why {@code password} may not protect the account {@code name}, in words; empty when it may. */
    public static Optional<String> problem(String name, String password) {
        if (password == null || password.length() < MIN_CHARS) {
            return Optional.of("a password has at least " + MIN_CHARS + " characters");
        }
        String measured = password.length() > MEASURED_CHARS ? password.substring(0, MEASURED_CHARS) : password;
        List<String> context = new ArrayList<>(List.of("murmur", "timeline"));
        if (name != null && !name.isBlank()) {
            context.add(name);
            context.addAll(List.of(name.split("[_\\-.]+")));
        }
        Strength strength = Holder.ZXCVBN.measure(measured, context);
        if (strength.getScore() >= MIN_SCORE) {
            return Optional.empty();
        }
        return Optional.of(reason(strength));
    }

    private static String reason(Strength strength) {
        Feedback feedback = strength.getFeedback();
        StringBuilder why = new StringBuilder("this password is too easy to guess");
        String warning = feedback.getWarning(Locale.ENGLISH);
        if (warning != null && !warning.isBlank()) {
            why.append(": ").append(lowerFirst(stripStop(warning)));
        } else {
            why.append(": a guesser trying ten thousand a second would find it in about ")
                    .append(strength.getCrackTimesDisplay().getOfflineSlowHashing1e4perSecond());
        }
        why.append('.');
        List<String> suggestions = feedback.getSuggestions(Locale.ENGLISH);
        for (String s : suggestions) {
            if (s != null && !s.isBlank()) {
                why.append(' ').append(s.strip());
            }
        }
        if (suggestions.isEmpty()) {
            why.append(" Add another word or two; uncommon words are better.");
        }
        return stripStop(why.toString());
    }

    private static String stripStop(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
