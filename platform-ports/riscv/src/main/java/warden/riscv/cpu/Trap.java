package warden.riscv.cpu;

/**
 * Thrown (one shared instance, no stack trace) after an instruction raised a synchronous exception
 * and the hart has already entered the trap handler: it unwinds the instruction that caused it.
 */
final class Trap extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Trap TAKEN = new Trap();

    private Trap() {
        super("trap taken", null, false, false);
    }
}
