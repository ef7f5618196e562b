package warden.kernel.port;

/**
 * The port contract: everything the kernel needs from a target, and nothing else. A port
 * implements every interface; the kernel calls nothing outside them. Mission-phase calls
 * (everything except those documented as boot-time) must not allocate.
 *
 * <p>Each sub-interface follows the same template in its Javadoc: what it does, when it may be
 * called (boot or mission), its arguments, its return value and its preconditions.
 *
 * [impl->dsn~port.contract~1]
 */
public interface Platform {
    /** @return a short target name such as "riscv". Boot-time. */
    String targetName();

    /** @return the number of cores (harts, PEs); core ids are 0..coreCount()-1. */
    int coreCount();

    CpuContext cpu();

    ProtectionUnit protection();

    InterruptController interrupts();

    Timer timer();

    Console console();

    GuestMemory memory();

    /** @return the platform's signature engine (over-the-air update verification). */
    SignatureEngine signatures();
    /** @return the restore-point support: dirty pages, the monitor's store, kept state. */
    SnapshotStore snapshots();
}
