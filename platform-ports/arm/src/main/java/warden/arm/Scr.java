package warden.arm;

import warden.arm.hw.GicGroups;

/**
 * SCR_EL3, the Secure Configuration Register (Arm ARM, DDI 0487, register description
 * "SCR_EL3, Secure Configuration Register"), and the routing decisions it makes (Arm ARM
 * "Asynchronous exception routing" and "Synchronous external abort" routing): bit positions as in
 * the architecture, NS bit 0, IRQ bit 1, FIQ bit 2, EA bit 3, SMD bit 7, HCE bit 8, RW bit 10,
 * ST bit 11.
 *
 * <p>The value the monitor runs each world with ({@link #forWorld}): RW = 1 (EL1 is AArch64),
 * IRQ = FIQ = 1 (every physical interrupt is taken to EL3, so critical interrupts preempt the
 * Non-secure world at once through FIQ, and the kernel decides the owner of every line), EA = 1
 * (external aborts, which the TZC-400 raises, are taken to EL3), SMD = 0 (SMC enabled), HCE = 0
 * (no EL2), ST = 0 (Secure EL1 accesses to the Secure physical timer CNTPS_* trap to EL3: the
 * timer belongs to the monitor), NS from the world.
 *
 * [impl->dsn~arm.scr.routing~1]
 */
public final class Scr {
    public static final long NS = 1L;
    public static final long IRQ = 1L << 1;
    public static final long FIQ = 1L << 2;
    public static final long EA = 1L << 3;
    public static final long SMD = 1L << 7;
    public static final long HCE = 1L << 8;
    public static final long RW = 1L << 10;
    public static final long ST = 1L << 11;

    private Scr() {
    }

    /** @return the SCR_EL3 value the monitor runs a world with. */
    public static long forWorld(boolean nonSecure) {
        return RW | IRQ | FIQ | EA | (nonSecure ? NS : 0);
    }

    /**
     * @return the exception level an interrupt signalled as {@code signal} (GicGroups IRQ/FIQ)
     *         is taken to from {@code currentEl}: EL3 when SCR_EL3 routes it there or the PE is at
     *         EL3, else EL1 of the current security state (no EL2 here).
     */
    public static int interruptTarget(int signal, long scr, int currentEl) {
        if (currentEl == 3) {
            return 3;
        }
        long bit = signal == GicGroups.FIQ ? FIQ : IRQ;
        return (scr & bit) != 0 ? 3 : 1;
    }

    /** @return the exception level a synchronous external abort from {@code currentEl} is taken to. */
    public static int externalAbortTarget(long scr, int currentEl) {
        if (currentEl == 3 || (scr & EA) != 0) {
            return 3;
        }
        return 1;
    }

    /** @return whether an SMC at {@code el} traps to EL3 (false: UNDEFINED at EL0 or with SMD = 1). */
    public static boolean smcTraps(long scr, int el) {
        return el >= 1 && (scr & SMD) == 0;
    }
}
