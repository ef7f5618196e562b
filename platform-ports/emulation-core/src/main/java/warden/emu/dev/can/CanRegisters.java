package warden.emu.dev.can;

/**
 * The register names of a {@link CanController}'s map, as a system description's access-control
 * entries name them: {@code ID}, {@code CTRL}, {@code BTR}, {@code STAT}, {@code ECR}, {@code IR},
 * {@code IE}, {@code TXREQ}, {@code TXCANCEL}, {@code TXDONE}, {@code TXFAIL}, {@code RXSTAT},
 * {@code RXID}, {@code RXDLC}, {@code RXDATA0}, {@code RXDATA1}, {@code RXPOP}, {@code RXTIME},
 * mailbox i's {@code MBi_ID}, {@code MBi_DLC}, {@code MBi_DATA0}, {@code MBi_DATA1} (i = 0..2) and
 * filter j's {@code Fj_ID}, {@code Fj_MASK} (j = 0..7). Names are case-sensitive.
 *
 * [impl->dsn~config.mediated~1]
 */
public final class CanRegisters {
    private static final String[] FIXED = {
        "ID", "CTRL", "BTR", "STAT", "ECR", "IR", "IE", "TXREQ", "TXCANCEL", "TXDONE", "TXFAIL", null,
        "RXSTAT", "RXID", "RXDLC", "RXDATA0", "RXDATA1", "RXPOP", "RXTIME"
    };
    private static final String[] MAILBOX = {"ID", "DLC", "DATA0", "DATA1"};

    private CanRegisters() {
    }

    /** @return the byte offset of the register called {@code name}, or -1 when the map has none. */
    public static int offset(String name) {
        for (int i = 0; i < FIXED.length; i++) {
            if (name.equals(FIXED[i])) {
                return 4 * i;
            }
        }
        for (int m = 0; m < CanController.MAILBOXES; m++) {
            for (int r = 0; r < MAILBOX.length; r++) {
                if (name.equals("MB" + m + "_" + MAILBOX[r])) {
                    return CanController.MAILBOX + m * CanController.MAILBOX_STRIDE + 4 * r;
                }
            }
        }
        for (int f = 0; f < CanController.FILTERS; f++) {
            if (name.equals("F" + f + "_ID") || name.equals("F" + f + "_MASK")) {
                return CanController.FILTER + f * CanController.FILTER_STRIDE + (name.endsWith("_ID") ? 0 : 4);
            }
        }
        return -1;
    }
}
