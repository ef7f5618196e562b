package warden.emu.guest;

import warden.emu.GuestCpu;
import warden.kernel.api.MonitorCall;

/** Helpers guest models share: printing through the console monitor call. */
final class GuestIo {
    private GuestIo() {
    }

    /**
     * Writes {@code text} and a newline into the guest's own buffer with ordinary stores (checked
     * by the protection unit like any access), then asks the monitor to print it.
     * @return the monitor call's status, or GuestCpu.FAULT if a store faulted.
     */
    static int print(GuestCpu cpu, long buffer, String text) {
        int n = Math.min(text.length(), 200);
        for (int i = 0; i < n; i++) {
            if (cpu.store(buffer + i, 1, text.charAt(i) & 0x7f) != GuestCpu.OK) {
                return GuestCpu.FAULT;
            }
        }
        if (cpu.store(buffer + n, 1, '\n') != GuestCpu.OK) {
            return GuestCpu.FAULT;
        }
        return cpu.call(MonitorCall.CONSOLE_WRITE, buffer, n + 1);
    }
}
