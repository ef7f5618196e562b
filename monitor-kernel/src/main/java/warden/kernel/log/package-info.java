/**
 * The kernel's event log: {@link warden.kernel.log.EventLog}, a preallocated ring of monitor events
 * that never allocates or blocks. Code outside the kernel reads it through the api view
 * {@link warden.kernel.api.EventRecords}.
 *
 * <p>Who may depend on it: the other kernel packages. It uses {@code api} only.
 */
package warden.kernel.log;
