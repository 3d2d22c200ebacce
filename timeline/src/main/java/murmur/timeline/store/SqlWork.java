package murmur.timeline.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Database work run on the database thread. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection db) throws SQLException;
}
