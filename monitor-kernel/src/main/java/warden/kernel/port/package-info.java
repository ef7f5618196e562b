/**
 * The port SPI: what a platform port implements for the kernel ({@link warden.kernel.port.Platform}
 * and its CPU context, protection unit, interrupt controller, timer, console and guest memory).
 *
 * <p>Who may depend on it: the kernel's packages and every port; it depends on nothing of the
 * kernel.
 */
package warden.kernel.port;
