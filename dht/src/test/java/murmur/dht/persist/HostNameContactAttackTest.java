package murmur.dht.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import murmur.dht.NodeId;
import murmur.dht.routing.Contact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host names where the network gives addresses (issue 14, item 6d). The saved routing table holds IP literals; a row
 * naming a host (a damaged or edited file) must not be looked up in DNS while the store loads on its thread.
 */
class HostNameContactAttackTest {

    @Test
    void aSavedContactWithAHostNameIsSkippedNotResolved(@TempDir Path dir) throws Exception {
        NodeId good = NodeId.ofKey("good");
        try (SqliteNodeStore store = SqliteNodeStore.open(dir)) {
            store.saveContacts(List.of(new Contact(good, new InetSocketAddress("10.1.2.3", 4000)))).join();
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dht.db"));
                PreparedStatement insert = db.prepareStatement("INSERT INTO contacts VALUES (?, ?, ?)")) {
            for (String host : List.of("peer.invalid", "1.2.3.4.5", "10.0.0.256")) {
                insert.setBytes(1, NodeId.ofKey(host).toBytes());
                insert.setString(2, host);
                insert.setInt(3, 4000);
                insert.executeUpdate();
            }
        }

        try (SqliteNodeStore store = SqliteNodeStore.open(dir)) {
            assertThat(store.loadContacts()).containsExactly(
                    new Contact(good, new InetSocketAddress("10.1.2.3", 4000)));
        }
    }
}
