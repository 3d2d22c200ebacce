package murmur.dht.sim;

import static org.assertj.core.api.Assertions.assertThat;

import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(300)
class DhtSimulationTest {
    private final DhtSettings settings = SettingsLoader.defaults().dht();

    @Test
    void fiveHundredNodesFindEveryRecordBeforeAndAfterAQuarterDies() {
        DhtSimulation sim = new DhtSimulation(settings, 42);
        sim.grow(500);
        assertThat(sim.store(200)).isEqualTo(200);

        DhtSimulation.Reads before = sim.readAll();
        assertThat(before.found()).isEqualTo(200);
        assertThat(before.hopsP99()).isLessThanOrEqualTo(6);

        sim.kill(0.25);
        DhtSimulation.Reads after = sim.readAll();
        assertThat(after.found()).isEqualTo(200);
    }

    @Test
    void sameSeedGivesTheSameRun() {
        DhtSimulation a = new DhtSimulation(settings, 7);
        DhtSimulation b = new DhtSimulation(settings, 7);
        a.grow(60);
        b.grow(60);
        a.store(20);
        b.store(20);
        assertThat(a.network().messagesDelivered()).isEqualTo(b.network().messagesDelivered());
    }
}
