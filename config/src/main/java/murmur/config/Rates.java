package murmur.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rate syntax of settings and options, in bits per second with decimal prefixes: {@code 500kbit}, {@code 2Mbit},
 * {@code 1.5Mbit}, {@code 1Gbit} ({@code bps} and a trailing {@code /s} are accepted too: {@code 2Mbps},
 * {@code 2Mbit/s}). 1 Mbit is 1,000,000 bits.
 */
public final class Rates {

    public static final String SYNTAX = "a rate such as 500kbit, 2Mbit, 1.5Mbit or 1Gbit (bits per second)";

    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmg]?)(?:bit(?:/s)?|bps)");

    private Rates() {}

    /** Bits per second in {@code text}; throws {@link IllegalArgumentException}, saying why, when it is not a rate. */
    public static long parse(String text) {
        Matcher m = RATE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected " + SYNTAX + ", got '" + text + "'");
        }
        int exponent = switch (m.group(2)) {
            case "k" -> 3;
            case "m" -> 6;
            case "g" -> 9;
            default -> 0;
        };
        BigDecimal bits = new BigDecimal(m.group(1)).scaleByPowerOfTen(exponent);
        if (bits.compareTo(BigDecimal.ONE) < 0 || bits.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
            throw new IllegalArgumentException("a rate must be from 1bit to 1000Gbit, got '" + text + "'");
        }
        return bits.longValue();
    }

    /** {@code bitsPerSecond} in the short form {@link #parse} reads, e.g. {@code 2Mbit} or {@code 1.5Mbit}. */
    public static String format(long bitsPerSecond) {
        String[] units = {"Gbit", "Mbit", "kbit"};
        long[] sizes = {1_000_000_000L, 1_000_000L, 1_000L};
        for (int i = 0; i < units.length; i++) {
            if (bitsPerSecond >= sizes[i]) {
                return BigDecimal.valueOf(bitsPerSecond).scaleByPowerOfTen(-(9 - 3 * i)).stripTrailingZeros()
                        .toPlainString() + units[i];
            }
        }
        return bitsPerSecond + "bit";
    }
}
