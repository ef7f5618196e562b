package warden.x86;

/**
 * The SMI a core has latched from elsewhere (another core's broadcast or an inter-processor SMI,
 * Intel SDM Vol. 3C §34.3.1, §34.8): when it reaches the core, whether the core's own handler
 * initiates the rendezvous (an IPI), and how long the initiator holds the core in SMM. While the
 * core is in SMM the SMI stays latched until its RSM. Nothing here allocates.
 */
final class SmiLatch {
    private long at = Long.MAX_VALUE;
    private long hold;
    private boolean initiator;

    /** @return when the latched SMI reaches the core; Long.MAX_VALUE when none is latched. */
    long at() {
        return at;
    }

    /** @return whether the latched SMI came from an IPI: the core's handler initiates the rendezvous. */
    boolean initiator() {
        return initiator;
    }

    /** A broadcast SMI reaches the core at {@code atNs} (the earliest one counts). */
    void arrive(long atNs) {
        at = Math.min(at, atNs);
    }

    /** An inter-processor SMI reaches the core at {@code atNs}. */
    void arriveFromIpi(long atNs) {
        at = Math.min(at, atNs);
        initiator = true;
    }

    /** The initiating core holds this one in SMM for at least {@code holdNs}. */
    void holdFor(long holdNs) {
        hold = Math.max(hold, holdNs);
    }

    /** The latched SMI is taken: clears it; @return how long the initiator holds the core. */
    long take() {
        long h = hold;
        at = Long.MAX_VALUE;
        hold = 0;
        initiator = false;
        return h;
    }
}
