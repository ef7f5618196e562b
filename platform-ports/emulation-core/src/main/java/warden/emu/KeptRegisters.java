package warden.emu;

/**
 * A restore point's copy of a device's configuration, kept and put back the way a monitor could do
 * it on the real part: through the device's register window only. {@link #keep} reads the listed
 * 32-bit registers (reads that have no effect); {@link #reinstate} brings the device to a known
 * state first ({@link Quiesce}: a reset, or disabling it) and then writes the copy back in list
 * order, so the device's enabling register goes last. A check value over the copy lets the monitor
 * see that the copy is the one it kept. Allocates nothing after construction.
 *
 * [impl->dsn~can.kept-state~1] [impl->dsn~nic.kept-state~1]
 */
public final class KeptRegisters {
    /** Brings the device to the state the copy is written back into. */
    public interface Quiesce {
        void quiesce(long nowNs);
    }

    private final MmioDevice device;
    private final int[] offsets;
    private final Quiesce quiesce;
    private final int[] words;
    private boolean held;

    /** @param offsets the registers, in the order they are written back (boot time) */
    public KeptRegisters(MmioDevice device, int[] offsets, Quiesce quiesce) {
        this.device = device;
        this.offsets = offsets.clone();
        this.quiesce = quiesce;
        this.words = new int[offsets.length];
    }

    /** Reads the registers into the copy. @return its check value */
    public long keep() {
        for (int i = 0; i < offsets.length; i++) {
            words[i] = (int) device.read(offsets[i], 4, 0);
        }
        held = true;
        return check();
    }

    /** @return the check value of the copy as it is now (FNV-1a over its words), or -1 when none is kept. */
    public long check() {
        if (!held) {
            return -1;
        }
        long h = 0xCBF2_9CE4_8422_2325L;
        for (int w : words) {
            h = (h ^ (w & 0xFFFF_FFFFL)) * 0x1000_0000_01B3L;
        }
        return h & Long.MAX_VALUE;
    }

    /** Quiesces the device and writes the copy back in order. @return false when none is kept */
    public boolean reinstate(long nowNs) {
        if (!held) {
            return false;
        }
        quiesce.quiesce(nowNs);
        for (int i = 0; i < offsets.length; i++) {
            device.write(offsets[i], 4, words[i] & 0xFFFF_FFFFL, nowNs);
        }
        return true;
    }
}
