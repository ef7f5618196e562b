package warden.emu.dev.can;

import warden.emu.KeptRegisters;

/**
 * What a restore point keeps of a CAN controller ({@link KeptRegisters}): the registers software
 * can write back, BTR, IE, the three mailboxes and the eight filters, then CTRL last. To put them
 * back the controller is reset (a hardware reset: the requests, the receive FIFO, the interrupt
 * flags and the error counters start afresh, a frame it was sending is abandoned), so BTR and the
 * filters are writable (INIT = 1) and a controller that was on the bus rejoins it only once it is
 * configured as it was. The frames received since, the counters and the pending requests are not
 * restored: no register could put them back.
 *
 * [impl->dsn~can.kept-state~1]
 */
final class CanKept {
    private CanKept() {
    }

    /** @return the copy of {@code can}'s configuration registers, written back after a reset. */
    static KeptRegisters of(CanController can) {
        int[] offsets = new int[2 + CanController.MAILBOXES * 4 + CanController.FILTERS * 2 + 1];
        int n = 0;
        offsets[n++] = CanController.BTR;
        offsets[n++] = CanController.IE;
        for (int i = 0; i < CanController.MAILBOXES * 4; i++) {
            offsets[n++] = CanController.MAILBOX + i * 4;
        }
        for (int i = 0; i < CanController.FILTERS * 2; i++) {
            offsets[n++] = CanController.FILTER + i * 4;
        }
        offsets[n] = CanController.CTRL;
        return new KeptRegisters(can, offsets, new KeptRegisters.Quiesce() {
            @Override
            public void quiesce(long nowNs) {
                can.reset();
            }
        });
    }
}
