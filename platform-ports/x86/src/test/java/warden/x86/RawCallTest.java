package warden.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.GuestCpu;
import warden.emu.SplitMix64;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;

/** Raw x86 monitor calls (RAX and all six argument registers chosen by the guest) through the APM SMI and SYSCALL. */
class RawCallTest {
    /** The whole of RAX is the call id: bits above the kernel's ids make it unknown on both paths. */
    // [utest->dsn~x86.apm~1]
    // [utest->dsn~emu.guest.hostile-raw~1]
    @Test
    void aCallIdWithBitsAboveItsLowByteIsUnknownNotTheCallItsLowByteNames() {
        Rig r = new Rig();
        r.enter(1, 1);
        GuestCpu rich = r.m.guest(1);
        long[] args = {11, 12, 13, 14, 15, 16};
        rich.rawCall(0x100 | MonitorCall.GET_TIME, 0, args);
        rich.rawCall(0xFFFF_FFFF_0000_0000L | MonitorCall.HEARTBEAT, 0, args);
        rich.rawCall(MonitorCall.GET_TIME, 0, args);
        assertEquals(List.of("call 1 -1 11 12", "call 1 -1 11 12", "call 1 3 11 12"), r.entries);
        assertEquals(MonitorCall.UNKNOWN, rich.rawCallTarget(0x100 | MonitorCall.GET_TIME, 0));
        assertEquals(MonitorCall.GET_TIME, rich.rawCallTarget(MonitorCall.GET_TIME, 99));
        for (int i = 0; i < 6; i++) {
            assertEquals(i == 2 ? 0 : 11 + i, r.m.callArg(1, i), "argument register " + i + " (RDX: the value)");
        }
        Rig s = new Rig();
        s.enter(0, 0);
        s.m.guest(0).rawCall(0x200 | MonitorCall.VERSION, 0, args);
        assertEquals(List.of("call 0 -1 11 12"), s.entries, "SYSCALL in SMM: the same id rule");
    }

    /**
     * Random RAX values (the hostile guest's table, mutated, any 32- or 64-bit value): what the port
     * decodes is what the kernel receives, and an unknown one comes back as NOT_SUPPORTED (-1) in RAX.
     */
    // [utest->dsn~x86.apm~1]
    // [utest->dsn~emu.guest.hostile-raw~1]
    @Test
    void randomIdsReachTheKernelAsDecodedAndUnknownOnesGetNotSupported() {
        Rig r = new Rig();
        r.enter(1, 1);
        GuestCpu rich = r.m.guest(1);
        SplitMix64 random = new SplitMix64(5);
        long[] table = rich.callIds();
        int unknown = 0;
        for (int i = 0; i < 5_000; i++) {
            long draw = random.nextLong(4);
            long id = draw == 0 ? table[(int) random.nextLong(table.length)] : draw == 1
                    ? table[(int) random.nextLong(table.length)] ^ 1L << random.nextLong(32)
                    : draw == 2 ? random.nextLong() & 0xFFFF_FFFFL : random.nextLong();
            int target = rich.rawCallTarget(id, 0);
            r.answer = target == MonitorCall.UNKNOWN ? Status.NOT_SUPPORTED : Status.OK;
            r.entries.clear();
            long rax = rich.rawCall(id, random.nextLong(), new long[] {random.nextLong(), random.nextLong()});
            assertEquals(List.of("call 1 " + target + " " + r.m.callArg(1, 0) + " " + r.m.callArg(1, 1)), r.entries);
            if (target == MonitorCall.UNKNOWN) {
                unknown++;
                assertEquals(rich.notSupportedCode(), rax);
            }
        }
        assertEquals(-1L, rich.notSupportedCode());
        assertEquals(true, unknown > 2_500 && unknown < 5_000, "unknown " + unknown);
    }
}
