/**
 * The monitor calls, one class per group, each holding the decode (checks, no side effects, a
 * status) and the invoke (cannot fail) of its calls side by side, as seL4 does:
 * {@link warden.kernel.calls.TimeCalls} (GET_TIME, SET_TIMER), {@link warden.kernel.calls.ConsoleCalls}
 * (CONSOLE_WRITE), {@link warden.kernel.calls.VcpuCalls} (VCPU_ON, VCPU_OFF),
 * {@link warden.kernel.calls.EventCalls} (EVENT_READ), {@link warden.kernel.calls.PartitionCalls}
 * (HEARTBEAT, PARTITION_INFO, PARTITION_RESET, REPORT_FAILURE); VERSION and YIELD, unknown ids and
 * denied calls are handled by {@link warden.kernel.calls.MonitorCalls}, which dispatches.
 *
 * <p>Who may depend on it: {@code core}. It uses {@code api}, {@code port}, {@code sched},
 * {@code health} and {@code log}.
 */
package warden.kernel.calls;
