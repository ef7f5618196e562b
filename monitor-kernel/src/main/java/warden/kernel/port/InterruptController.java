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

    /**
     * Masks ({@code enabled == false}) or unmasks a routed line at the controller. While a line is
     * masked no core is signalled for it, and the controller treats further requests of the line
     * as its hardware does for a masked source: a PLIC or GIC keeps one request pending (signalled
     * after the unmask) and merges the others into it; an I/O APIC ignores edges on a masked pin.
     * Requests that were already counted before the mask are not lost. Mission-time: O(1) in the
     * number of cores, allocates nothing.
     *
     * @return Status.OK, or Status.INVALID_PARAM for a line outside 1..lineCount()-1
     */
    int setEnabled(int line, boolean enabled);
}
