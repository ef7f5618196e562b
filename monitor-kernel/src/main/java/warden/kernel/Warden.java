package warden.kernel;

import warden.kernel.api.Monitor;
import warden.kernel.api.rules.BootPhase;
import warden.kernel.core.Kernel;
import warden.kernel.port.Platform;

/**
 * Where a launcher, a port's tests or a campaign gets a kernel: {@link #create} makes one on a
 * platform, unbooted, behind its public face {@link Monitor}. The only class outside
 * {@code warden.kernel.api} and {@code warden.kernel.port} that code outside the kernel may use.
 *
 * [impl->dsn~kernel.phases~1]
 */
public final class Warden {
    private Warden() {
    }

    /** @return a new kernel on {@code platform}: boot it, start it, give it to the port as its trap entry. */
    @BootPhase
    public static Monitor create(Platform platform) {
        return new Kernel(platform);
    }
}
