/**
 * Helpers for tests that run Murmur in other processes and network namespaces, shared with the app module's tests
 * through this module's test jar: commands with a time limit, child JVMs on the test class path, and a process
 * driven one line at a time.
 */
package murmur.bootstrap.testing;
