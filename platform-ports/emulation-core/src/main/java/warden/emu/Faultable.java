package warden.emu;

/**
 * A guest that a fault-injection campaign can disturb. {@link #inject} only records the fault;
 * the guest acts on it in its next {@code run}, through its {@link GuestCpu} like any other code,
 * so that every consequence goes through the port's hardware model and the kernel.
 */
public interface Faultable {
    /**
     * Injects fault {@code model} (a {@link FaultModel} id). {@code address} is an address outside
     * the guest's own memory for the models that need one (crash, storm, violation); for memory
     * corruption it is the bit address (byte address times 8 plus the bit) of the flipped bit in
     * the guest's own memory.
     * @return true when the model applies to this guest, false when it does not (then nothing changes).
     */
    boolean inject(int model, long address, long nowNs);
}
