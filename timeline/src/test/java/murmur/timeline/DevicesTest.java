package murmur.timeline;

import static murmur.timeline.testing.LocalNet.await;
import static murmur.timeline.testing.LocalNet.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import murmur.dht.SigningKey;
import murmur.dht.node.DhtNode;
import murmur.timeline.TimelineException.Reason;
import murmur.timeline.records.DevicesValue;
import murmur.timeline.records.Keys;
import murmur.timeline.testing.LocalNet;
import murmur.timeline.testing.Mallory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One account on several peers (data directories): the signed {@code devices/<name>} list, rename and revoke. */
class DevicesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static LocalNet net;
    private static DhtNode malloryNode;
    private static Mallory mallory;

    @BeforeAll
    static void network() {
        net = LocalNet.start(3, List.of());
        malloryNode = DhtNode.builder().settings(net.settings().dht()).build();
        await(malloryNode.start());
        await(malloryNode.bootstrap(net.seedAddresses()));
        mallory = new Mallory(malloryNode);
    }

    @AfterAll
    static void shutdown() {
        malloryNode.stop().join();
        net.close();
    }

    private static List<String> ids(TimelineService s) {
        return s.devices().get().stream().map(DeviceInfo::id).toList();
    }

    /** The reason {@code f} failed with, or null if it succeeded (a post before the revocation was seen). */
    private static Reason refusal(CompletableFuture<?> f) {
        return f.handle((r, e) -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TimelineException te) {
                    return te.reason();
                }
            }
            return null;
        }).join();
    }

    @Test
    void twoPeersOfOneAccountBothListBothDevicesAndSeeARename(@TempDir Path a, @TempDir Path b) {
        TimelineService laptop = await(net.peer(a).register("dana_dev", "quartz lantern meadow 7"));
        TimelineService phone = await(net.peer(b).login("dana_dev", "quartz lantern meadow 7"));
        assertThat(laptop.deviceId()).isNotEqualTo(phone.deviceId()).hasSize(16);

        waitAtMost(WAIT).until(() -> ids(laptop).containsAll(List.of(laptop.deviceId(), phone.deviceId()))
                && ids(phone).containsAll(List.of(laptop.deviceId(), phone.deviceId())));
        assertThat(phone.devices().get()).filteredOn(DeviceInfo::thisDevice).extracting(DeviceInfo::id)
                .containsExactly(phone.deviceId());
        assertThat(laptop.devices().get()).filteredOn(DeviceInfo::thisDevice).extracting(DeviceInfo::id)
                .containsExactly(laptop.deviceId());

        await(laptop.renameDevice(phone.deviceId(), "phone"));
        waitAtMost(WAIT).until(() -> phone.devices().get().stream()
                .anyMatch(d -> d.thisDevice() && d.name().equals("phone")));
        assertThat(reason(laptop.renameDevice("0123456789abcdef", "ghost"))).isEqualTo(Reason.UNKNOWN_DEVICE);
        assertThat(reason(laptop.renameDevice(phone.deviceId(), " "))).isEqualTo(Reason.INVALID_NAME);
    }

    @Test
    void aRevokedDeviceCannotPostAndSignsInAgainAsANewDevice(@TempDir Path a, @TempDir Path b) {
        TimelineService laptop = await(net.peer(a).register("erin_dev", "quartz lantern meadow 7"));
        var phonePeer = net.peer(b);
        TimelineService phone = await(phonePeer.login("erin_dev", "quartz lantern meadow 7"));
        String phoneId = phone.deviceId();
        waitAtMost(WAIT).until(() -> ids(laptop).contains(phoneId));

        assertThat(reason(laptop.revokeDevice(laptop.deviceId()))).isEqualTo(Reason.CANNOT_REVOKE_SELF);
        assertThat(reason(laptop.revokeDevice("0123456789abcdef"))).isEqualTo(Reason.UNKNOWN_DEVICE);
        await(laptop.revokeDevice(phoneId));

        waitAtMost(WAIT).until(() -> refusal(phone.post("still here?")) == Reason.DEVICE_REVOKED);
        assertThat(reason(phone.follow("dana_dev"))).isEqualTo(Reason.DEVICE_REVOKED);
        assertThat(await(laptop.post("the laptop goes on")).text()).isEqualTo("the laptop goes on");
        assertThat(laptop.devices().get()).filteredOn(d -> d.id().equals(phoneId))
                .singleElement().matches(DeviceInfo::revoked);

        await(phone.logout());
        assertThat(reason(phonePeer.login("erin_dev", "quartz lantern meadow 7"))).isEqualTo(Reason.DEVICE_REVOKED);
        TimelineService again = await(phonePeer.login("erin_dev", "quartz lantern meadow 7"));
        assertThat(again.deviceId()).as("a new device key, a new id").isNotEqualTo(phoneId);
        await(again.post("back as a new device"));
        waitAtMost(WAIT).until(() -> ids(laptop).contains(again.deviceId()));
        assertThat(laptop.devices().get()).filteredOn(d -> d.id().equals(phoneId))
                .singleElement().as("never un-revoked").matches(DeviceInfo::revoked);
    }

    @Test
    void signOutOtherDevicesRevokesAllButThisOne(@TempDir Path a, @TempDir Path b) {
        TimelineService laptop = await(net.peer(a).register("fay_dev", "quartz lantern meadow 7"));
        TimelineService phone = await(net.peer(b).login("fay_dev", "quartz lantern meadow 7"));
        waitAtMost(WAIT).until(() -> ids(laptop).contains(phone.deviceId()));
        await(laptop.signOutOtherDevices());
        waitAtMost(WAIT).until(() -> refusal(phone.post("hello")) == Reason.DEVICE_REVOKED);
        await(laptop.post("only me now"));
    }

    @Test
    void concurrentSignInsOfTwoDevicesBothEndUpInTheList(@TempDir Path a, @TempDir Path b, @TempDir Path c) {
        await(net.peer(a).register("gus_dev", "quartz lantern meadow 7"));
        CompletableFuture<TimelineService> one = net.peer(b).login("gus_dev", "quartz lantern meadow 7");
        CompletableFuture<TimelineService> two = net.peer(c).login("gus_dev", "quartz lantern meadow 7");
        TimelineService x = await(one);
        TimelineService y = await(two);
        waitAtMost(WAIT).until(() -> ids(x).containsAll(List.of(x.deviceId(), y.deviceId()))
                && ids(y).containsAll(List.of(x.deviceId(), y.deviceId())));
        assertThat(ids(x)).hasSize(3);
    }

    @Test
    void aListSignedByAnotherKeyIsNotAccepted(@TempDir Path a) {
        TimelineService hal = await(net.peer(a).register("hal_dev", "quartz lantern meadow 7"));
        SigningKey stranger = SigningKey.generate();
        DevicesValue forged = new DevicesValue(List.of(new DevicesValue.Entry(
                DevicesValue.idOf(stranger.publicKey()), stranger.publicKey(), "mallory", 1, 0)));
        Mallory.accepted(mallory.stranger().put(Keys.devices("hal_dev"), forged, Long.MAX_VALUE / 2,
                Mallory.TTL));
        waitAtMost(WAIT).pollDelay(Duration.ofSeconds(1)).until(() -> ids(hal).equals(List.of(hal.deviceId())));
        assertThat(await(hal.post("still mine")).author()).isEqualTo("hal_dev");
    }

    @Test
    void anOversizedOrMismatchedListIsDroppedAndTheDeviceAddsItselfAgain(@TempDir Path a) {
        TimelineService ivy = await(net.peer(a).register("ivy_dev", "quartz lantern meadow 7"));
        List<DevicesValue.Entry> many = new ArrayList<>();
        for (int i = 0; i <= DevicesValue.MAX_DEVICES; i++) {
            SigningKey k = SigningKey.generate();
            many.add(new DevicesValue.Entry(DevicesValue.idOf(k.publicKey()), k.publicKey(), "d" + i, 1, 0));
        }
        var asIvy = mallory.as("ivy_dev", "quartz lantern meadow 7");
        await(asIvy.put(Keys.devices("ivy_dev"), new DevicesValue(many), asIvy.nextSeq(System.currentTimeMillis()),
                Mallory.TTL));
        waitAtMost(WAIT).until(() -> ids(ivy).equals(List.of(ivy.deviceId())));

        SigningKey k = SigningKey.generate();
        DevicesValue wrongId = new DevicesValue(List.of(new DevicesValue.Entry("00000000000000ff", k.publicKey(),
                "liar", 1, 0)));
        await(asIvy.put(Keys.devices("ivy_dev"), wrongId, asIvy.nextSeq(System.currentTimeMillis()), Mallory.TTL));
        waitAtMost(WAIT).pollDelay(Duration.ofSeconds(1)).until(() -> ids(ivy).equals(List.of(ivy.deviceId())));
    }
}
