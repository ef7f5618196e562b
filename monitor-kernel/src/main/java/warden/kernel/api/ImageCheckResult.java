package warden.kernel.api;

/**
 * A read-only view of the result of the kernel's last boot-time image check: its
 * {@link ImageCheckCode} and the indices of the offending items, so that a caller can name them.
 * No method allocates.
 *
 * [impl->dsn~kernel.boot.revalidate~1]
 */
public interface ImageCheckResult {
    /** @return the code the last check returned ({@link ImageCheckCode#OK} before any check). */
    int lastCode();

    /** @return the first offending index of the last check (partition, region, device or line), or -1. */
    int first();

    /** @return the second offending index of the last check, or -1. */
    int second();
}
