/**
 * The operator's HTTP endpoint, loopback by default: {@code GET /health} (JSON) and {@code GET /metrics}
 * (Prometheus text). {@link murmur.bootstrap.admin.AdminServer}.
 */
package murmur.bootstrap.admin;
