/**
 * Annotations of the kernel's restricted-Java rules, such as {@link warden.kernel.api.rules.BootPhase}
 * (code that may allocate, before the kernel is sealed); the verification module's rule checks read
 * them. Who may depend on it: the kernel, and code outside it that marks its own boot-phase code.
 */
package warden.kernel.api.rules;
