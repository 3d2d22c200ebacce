package murmur.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;

/**
 * Which packages of each module other modules may use: its API. Everything else is the module's own business. The
 * tools module (benchmarks, simulators) is exempt: it measures internals on purpose and ships in no product.
 */
final class ModuleApi extends ArchCondition<JavaClass> {

    /** Module (second package segment) to its API packages. */
    static final Map<String, Set<String>> API = Map.of(
            "config", Set.of("murmur.config"),
            "transport", Set.of("murmur.transport", "murmur.transport.secure", "murmur.transport.relay"),
            "dht", Set.of("murmur.dht", "murmur.dht.node", "murmur.dht.exchange"),
            "timeline", Set.of("murmur.timeline", "murmur.timeline.peer", "murmur.timeline.observe"),
            "bootstrap", Set.of("murmur.bootstrap", "murmur.bootstrap.cli"),
            "app", Set.of("murmur.app.cli"));

    /**
     * Single classes outside an API package that another module still uses, each a known leak named in
     * docs/ARCHITECTURE.md: a follow notice on the peer link is a set entry in the DHT's record bytes.
     */
    static final Set<String> KNOWN_LEAKS = Set.of("murmur.dht.wire.RecordBytes");

    ModuleApi() {
        super("use other Murmur modules only through their API packages " + API.values());
    }

    @Override
    public void check(JavaClass origin, ConditionEvents events) {
        String own = module(origin.getPackageName());
        if ("tools".equals(own)) {
            return;
        }
        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
            JavaClass target = d.getTargetClass().getBaseComponentType();
            String other = module(target.getPackageName());
            if (other == null || other.equals(own) || !API.containsKey(other)) {
                continue;
            }
            if (!API.get(other).contains(target.getPackageName()) && !KNOWN_LEAKS.contains(target.getName())) {
                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
            }
        }
    }

    /** {@code murmur.dht.wire} is in module {@code dht}; null outside Murmur. */
    static String module(String packageName) {
        if (!packageName.startsWith("murmur.")) {
            return null;
        }
        String rest = packageName.substring("murmur.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
