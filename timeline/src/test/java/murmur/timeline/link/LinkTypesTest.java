package murmur.timeline.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LinkTypesTest {

    @Test
    void everyTypeHasANumberOfItsOwn() {
        assertThat(LinkTypes.all()).containsEntry(LinkTypes.FOLLOW_NOTICE, "FOLLOW_NOTICE")
                .containsEntry(LinkTypes.PUSH, "PUSH").containsEntry(LinkTypes.RECEIPT, "RECEIPT")
                .containsEntry(LinkTypes.FETCH, "FETCH").containsEntry(LinkTypes.PUNCH, "PUNCH")
                .containsEntry(LinkTypes.UPLINK_PROBE, "UPLINK_PROBE").hasSize(6);
    }

    @Test
    void aSecondHandlerForOneTypeIsRefusedAtStart() {
        RequestHandlers handlers = new RequestHandlers();
        RequestHandler push = (from, body) -> CompletableFuture.completedFuture(body);
        handlers.put(LinkTypes.PUSH, push);

        assertThatThrownBy(() -> handlers.put(LinkTypes.PUSH, (from, body) -> CompletableFuture.completedFuture(body)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("type 10").hasMessageContaining("PUSH");
        handlers.put(LinkTypes.PUSH, push);
        assertThat(handlers.get(LinkTypes.PUSH)).isSameAs(push);
    }

    @Test
    void theArchitectureDocumentListsEveryTypeByItsNumber() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "ARCHITECTURE.md"));

        for (Map.Entry<Integer, String> t : LinkTypes.all().entrySet()) {
            assertThat(doc).as("docs/ARCHITECTURE.md names link type %s", t.getValue())
                    .contains("| " + t.getKey() + " | `LinkTypes." + t.getValue() + "`");
        }
    }
}
