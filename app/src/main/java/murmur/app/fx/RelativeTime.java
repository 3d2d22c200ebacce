package murmur.app.fx;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** "now", "2 min", "3 h", "4 d", then a date: how long ago something happened, as a timeline shows it. */
public final class RelativeTime {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private RelativeTime() {}

    /** How long before {@code now} {@code then} was; a time in the future (a skewed clock) reads "now". */
    public static String since(Instant then, Instant now, ZoneId zone) {
        Duration age = Duration.between(then, now);
        if (age.compareTo(Duration.ofMinutes(1)) < 0) {
            return "now";
        }
        if (age.compareTo(Duration.ofHours(1)) < 0) {
            return age.toMinutes() + " min";
        }
        if (age.compareTo(Duration.ofDays(1)) < 0) {
            return age.toHours() + " h";
        }
        if (age.compareTo(Duration.ofDays(7)) < 0) {
            return age.toDays() + " d";
        }
        return DATE.format(then.atZone(zone));
    }
}
