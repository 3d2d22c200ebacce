package murmur.config;

/** Ranges of {@link DhtSettings}, kept apart from the record so the record stays a plain list of values. */
final class DhtSettingsRules {

    static final int MIN_UDP_PAYLOAD = 512;
    static final int MAX_UDP_PAYLOAD = 65_000;
    static final int MAX_K = 256;
    /** Beyond this one entry would take an honest writer hours of CPU. */
    static final int MAX_WORK_BITS = 40;

    private DhtSettingsRules() {}

    static void validate(DhtSettings d, Checks c) {
        c.between("dht.k", d.k(), 1, MAX_K);
        c.atLeast("dht.alpha", d.alpha(), 1);
        c.notAbove("dht.alpha", d.alpha(), "dht.k", d.k());
        c.positive("dht.requestTimeout", d.requestTimeout());
        c.positive("dht.stallFloor", d.stallFloor());
        c.require("dht.stallFloor", d.stallFloor().compareTo(d.requestTimeout()) <= 0,
                "must not exceed dht.requestTimeout (" + Durations.format(d.requestTimeout()) + "), got "
                        + Durations.format(d.stallFloor()));
        c.positive("dht.refreshInterval", d.refreshInterval());
        c.positive("dht.republishInterval", d.republishInterval());
        c.positive("dht.maxTtl", d.maxTtl());
        c.atLeast("dht.staleAfterFailures", d.staleAfterFailures(), 1);
        c.atLeast("dht.replacementCacheSize", d.replacementCacheSize(), 1);
        c.require("dht.contactFreshFor", !d.contactFreshFor().isNegative(), "must not be negative");
        c.atLeast("dht.readReplicas", d.readReplicas(), 1);
        c.notAbove("dht.readReplicas", d.readReplicas(), "dht.k", d.k());
        c.atLeast("dht.maxValueBytes", d.maxValueBytes(), 1);
        c.atLeast("dht.maxEntryBytes", d.maxEntryBytes(), 1);
        c.atLeast("dht.maxSetEntries", d.maxSetEntries(), 1);
        c.atLeast("dht.setPageSize", d.setPageSize(), 1);
        c.notAbove("dht.setPageSize", d.setPageSize(), "dht.maxSetEntries", d.maxSetEntries());
        c.atLeast("dht.maxRecords", d.maxRecords(), 1);
        c.atLeast("dht.maxStoreBytes", d.maxStoreBytes(), d.maxValueBytes());
        c.between("dht.udpMaxPayload", d.udpMaxPayload(), MIN_UDP_PAYLOAD, MAX_UDP_PAYLOAD);
        c.atLeast("dht.maxMessageBytes", d.maxMessageBytes(), d.udpMaxPayload());
        c.notAbove("dht.maxValueBytes", d.maxValueBytes(), "dht.maxMessageBytes", d.maxMessageBytes());
        c.notAbove("dht.maxEntryBytes", d.maxEntryBytes(), "dht.maxMessageBytes", d.maxMessageBytes());
        c.notNegative("dht.maxClockSkew", d.maxClockSkew());
        c.atLeast("dht.requestsPerIpPerSecond", d.requestsPerIpPerSecond(), 1);
        c.atLeast("dht.writesPerIpPerSecond", d.writesPerIpPerSecond(), 1);
        c.notAbove("dht.writesPerIpPerSecond", d.writesPerIpPerSecond(), "dht.requestsPerIpPerSecond",
                d.requestsPerIpPerSecond());
        c.between("dht.setMinWorkBits", d.setMinWorkBits(), 0, MAX_WORK_BITS);
        c.between("dht.setMaxWorkBits", d.setMaxWorkBits(), 0, MAX_WORK_BITS);
        c.require("dht.setMaxWorkBits", d.setMaxWorkBits() >= d.setMinWorkBits(),
                "must not be below dht.setMinWorkBits (" + d.setMinWorkBits() + "), got " + d.setMaxWorkBits());
    }
}
