/**
 * Health monitoring: {@link warden.kernel.health.Health} (failure detection and each partition's
 * recovery policy: restart, stop, escalation to the safe state; context and protection faults),
 * {@link warden.kernel.health.Watchdog} (heartbeat and boot-timeout watchdogs),
 * {@link warden.kernel.health.StormLimit} (interrupt storm masking) and
 * {@link warden.kernel.health.PartitionTable} (each partition's state, boot time, heartbeat and
 * restarts, one owner).
 *
 * <p>Who may depend on it: {@code core} and {@code calls}. It uses {@code api}, {@code port},
 * {@code sched}, {@code boot} (golden images) and {@code log}.
 */
package warden.kernel.health;
