package murmur.app.settings;

/**
 * One row of the devices list, in words.
 *
 * @param id         the device's id, for rename and revoke
 * @param name       its name
 * @param detail     "this device", when it was last seen, or when it was revoked
 * @param revoked    whether it was revoked
 * @param thisDevice whether it is the device this session runs on
 */
public record DeviceItem(String id, String name, String detail, boolean revoked, boolean thisDevice) {}
