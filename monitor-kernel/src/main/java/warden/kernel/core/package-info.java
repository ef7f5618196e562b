/**
 * The kernel itself: {@link warden.kernel.core.Kernel}, its boot sequence and its mission-phase entry
 * points (monitor call, access fault, illegal instruction, external interrupt, timer), readable top
 * to bottom, and the routing of claimed interrupt lines.
 *
 * <p>Who may depend on it: {@code warden.kernel.Warden} only; code outside the kernel uses
 * {@code warden.kernel.api}. It uses every other kernel package.
 */
package warden.kernel.core;
