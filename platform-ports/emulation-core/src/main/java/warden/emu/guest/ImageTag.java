package warden.emu.guest;

import warden.emu.FaultModel;
import warden.emu.GuestCpu;

/**
 * Test images for a guest model, which executes no code: an image whose first 8 bytes are one of
 * these ASCII tags makes the model that loaded it misbehave after every boot from it — {@code
 * WDN-CRSH} crashes (a wild jump) after its first heartbeat, {@code WDN-HANG} hangs after its first
 * heartbeat, {@code WDN-NOBT} hangs before it. Any other image runs normally. So an update with a
 * bad image can be tried on the emulated boards.
 *
 * [impl->dsn~emu.guest.image-tag~1]
 */
public final class ImageTag {
    public static final String CRASH = "WDN-CRSH";
    public static final String HANG = "WDN-HANG";
    public static final String NO_BOOT = "WDN-NOBT";
    /** No misbehaviour. */
    public static final int NONE = -1;

    private ImageTag() {
    }

    /** @return the tag's 8 bytes as the little-endian word a guest loads. */
    public static long word(String tag) {
        long w = 0;
        for (int i = 0; i < 8; i++) {
            w |= (tag.charAt(i) & 0xFFL) << (8 * i);
        }
        return w;
    }

    /** @return the image bytes of a tagged test image of {@code size} bytes (the rest zero). */
    public static byte[] image(String tag, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < 8 && i < size; i++) {
            b[i] = (byte) tag.charAt(i);
        }
        return b;
    }

    /**
     * @return the fault model of the tag at {@code address} (FaultModel.CRASH or HANG), NONE for
     *     none; {@code beforeBoot} asks for the NO_BOOT tag, else the others
     */
    static int read(GuestCpu cpu, long address, boolean beforeBoot) {
        if (address < 0 || cpu.load(address, 8) != GuestCpu.OK) {
            return NONE;
        }
        long w = cpu.lastValue();
        if (beforeBoot) {
            return w == word(NO_BOOT) ? FaultModel.HANG : NONE;
        }
        if (w == word(CRASH)) {
            return FaultModel.CRASH;
        }
        return w == word(HANG) ? FaultModel.HANG : NONE;
    }
}
