/**
 * The NTP-corrected clock: {@link murmur.timeline.clock.ClockSync} asks time sources over SNTP (bootstrap nodes
 * first, public pools after) and keeps {@link murmur.timeline.clock.CorrectedClock} at base clock plus the measured
 * offset. Answers that cannot be right are refused and logged.
 */
package murmur.timeline.clock;
