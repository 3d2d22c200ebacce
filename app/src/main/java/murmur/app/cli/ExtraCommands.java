package murmur.app.cli;

import java.util.List;

/**
 * Subcommands of {@code murmur} that live outside the product, found with {@link java.util.ServiceLoader} when
 * their jar is on the class path: the tools module's {@code bench} and {@code sim}, which {@code ./murmur} puts
 * there. Each element is a picocli {@code @Command} object; one may use {@code @ParentCommand MurmurCli} to read
 * the settings.
 */
public interface ExtraCommands {
    List<Object> commands();
}
