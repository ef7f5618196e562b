package warden.kernel.port;

/**
 * The platform interrupt controller (RISC-V PLIC, Arm GICv3, x86 local APIC): routing of device
 * interrupt lines to cores, and claim/complete of the highest-priority pending line.
 */
public interface InterruptController {
    /** @return the number of lines; valid line ids are 1..lineCount()-1 (0 means none). */
    int lineCount();

    /**
     * Routes {@code line} to {@code core} with {@code priority} (1 lowest), enabled. Boot-time.
     * @return Status.OK or Status.INVALID_PARAM when the controller cannot do it.
     */
    int route(int line, int core, int priority, boolean critical);

    /** @return the highest-priority pending line for {@code core}, now claimed, or 0. */
    int claim(int core);

    /** Signals the end of handling of a claimed line. */
    void complete(int core, int line);
}
