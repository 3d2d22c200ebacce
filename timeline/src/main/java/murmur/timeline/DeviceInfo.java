package murmur.timeline;

import java.time.Instant;
import java.util.Optional;

/**
 * One device (peer) an account is signed in on, as the Settings page lists it.
 *
 * @param id         the device's id within the account, stable for its life
 * @param name       the name the user gave it ("laptop"), or one made up at first sign-in
 * @param added      when the account key certified it
 * @param lastSeen   when it last announced presence, if ever
 * @param revokedAt  when it was revoked: its posts dated after this are refused everywhere
 * @param thisDevice whether it is the device this session runs on
 */
public record DeviceInfo(String id, String name, Instant added, Optional<Instant> lastSeen,
        Optional<Instant> revokedAt, boolean thisDevice) {

    public boolean revoked() {
        return revokedAt.isPresent();
    }
}
