package warden.x86;

/**
 * x86 exception vectors a guest can see here (Intel SDM Vol. 3A §6.15 "Exception and Interrupt
 * Reference"), and their names for reports.
 */
public final class Vectors {
    public static final int NMI = 2;
    public static final int UD = 6;
    public static final int GP = 13;
    public static final int PF = 14;

    private Vectors() {
    }

    /** @return the mnemonic and name of a vector, e.g. "#PF page fault". */
    public static String name(int vector) {
        switch (vector) {
            case NMI: return "NMI";
            case UD: return "#UD invalid opcode";
            case GP: return "#GP general protection";
            case PF: return "#PF page fault";
            case SMRR_DROPPED: return "SMRR: write dropped / read returns fixed value";
            default: return "vector " + vector;
        }
    }

    /** Not a vector: the cause the port reports for an access SMRR dropped outside SMM (no exception). */
    public static final int SMRR_DROPPED = 256;
}
