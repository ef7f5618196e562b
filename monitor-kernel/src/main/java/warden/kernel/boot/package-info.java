/**
 * Boot-time work: {@link warden.kernel.boot.ImageCheck} (the kernel's own validation of a system
 * image), {@link warden.kernel.boot.GoldenImages} and its SHA-256 (check and reload of each
 * partition's golden image, also before a restart) and {@link warden.kernel.boot.PlatformSetup}
 * (programming the protection unit and the interrupt controller).
 *
 * <p>Who may depend on it: the other kernel packages. It uses {@code api} and {@code port} only.
 */
package warden.kernel.boot;
