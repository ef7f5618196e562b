/**
 * Scheduling of the vCPUs that share a core: {@link warden.kernel.sched.Scheduler} (ready selection,
 * most critical first, and the vCPU state changes), {@link warden.kernel.sched.Vcpus} (layout, slot
 * order, states), {@link warden.kernel.sched.WorldSwitch} (saved contexts and their check values,
 * protection slot activation, detach), {@link warden.kernel.sched.HeldInterrupts} (the per-vCPU hold
 * FIFOs), {@link warden.kernel.sched.VirtualTimers} (timer multiplexing and cross-core supervision)
 * and {@link warden.kernel.sched.FaultReports} (faults the world switch posts for the health monitor).
 *
 * <p>Who may depend on it: {@code core}, {@code calls} and {@code health}. It uses {@code api},
 * {@code port}, {@code boot} (table sizes) and {@code log}.
 */
package warden.kernel.sched;
