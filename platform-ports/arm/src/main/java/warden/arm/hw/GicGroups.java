package warden.arm.hw;

/**
 * GICv3 interrupt groups and the exception signal a PE sees for each (GICv3 and GICv4
 * Architecture Specification, IHI 0069, §4.6 "Interrupt grouping", §4.6.2 "Interrupt assignment
 * to IRQ and FIQ signals").
 *
 * <p>With two security states (GICD_CTLR.DS = 0), the group of an interrupt is encoded by its
 * group bit (GICD_IGROUPR / GICR_IGROUPR0) and group modifier bit (GICD_IGRPMODR /
 * GICR_IGRPMODR0):
 * <pre>
 *  IGRPMODR IGROUPR  group
 *     0        0     Group 0            (secure; EL3 firmware)
 *     0        1     Group 1 Non-secure
 *     1        0     Group 1 Secure
 *     1        1     reserved: treated as Group 1 Non-secure
 * </pre>
 * and the signal is:
 * <pre>
 *  PE state            Group 0  Group 1 Secure  Group 1 Non-secure
 *  Secure EL0/EL1      FIQ      IRQ             FIQ
 *  Non-secure EL0-EL2  FIQ      FIQ             IRQ
 *  EL3                 FIQ      FIQ             FIQ
 * </pre>
 * A Group 0 interrupt is always an FIQ; a Group 1 interrupt is an FIQ when it belongs to the
 * other security state or the PE is at EL3, else an IRQ.
 *
 * [impl->dsn~arm.gic.groups~1] [impl->dsn~arm.gic.signal~1]
 */
public final class GicGroups {
    public static final int GROUP0 = 0;
    public static final int GROUP1_SECURE = 1;
    public static final int GROUP1_NONSECURE = 2;

    public static final int IRQ = 0;
    public static final int FIQ = 1;

    /** PE state: Secure EL0 or EL1. */
    public static final int PE_SECURE_EL1 = 0;
    /** PE state: Non-secure EL0, EL1 or EL2. */
    public static final int PE_NONSECURE = 1;
    /** PE state: EL3. */
    public static final int PE_EL3 = 2;

    private GicGroups() {
    }

    /** @return the group of an interrupt from its IGROUPR and IGRPMODR bits. */
    public static int group(boolean igroup, boolean igrpmod) {
        if (!igroup) {
            return igrpmod ? GROUP1_SECURE : GROUP0;
        }
        return GROUP1_NONSECURE;
    }

    /** @return the IGROUPR bit of a group. */
    public static boolean groupBit(int group) {
        return group == GROUP1_NONSECURE;
    }

    /** @return the IGRPMODR bit of a group. */
    public static boolean modBit(int group) {
        return group == GROUP1_SECURE;
    }

    /** @return true for Group 0 and Group 1 Secure, the groups Non-secure software cannot see. */
    public static boolean secure(int group) {
        return group != GROUP1_NONSECURE;
    }

    /** @return {@link #IRQ} or {@link #FIQ}: the signal a PE in {@code peState} sees for {@code group}. */
    public static int signal(int group, int peState) {
        if (group == GROUP0 || peState == PE_EL3) {
            return FIQ;
        }
        boolean secureGroup = group == GROUP1_SECURE;
        boolean securePe = peState == PE_SECURE_EL1;
        return secureGroup == securePe ? IRQ : FIQ;
    }

    /** @return the PE state of the table for an exception level and security state. */
    public static int peState(int el, boolean nonSecure) {
        if (el == 3) {
            return PE_EL3;
        }
        return nonSecure ? PE_NONSECURE : PE_SECURE_EL1;
    }

    /** @return "Group 0", "Group 1 Secure" or "Group 1 Non-secure". */
    public static String name(int group) {
        switch (group) {
            case GROUP0: return "Group 0";
            case GROUP1_SECURE: return "Group 1 Secure";
            default: return "Group 1 Non-secure";
        }
    }
}
