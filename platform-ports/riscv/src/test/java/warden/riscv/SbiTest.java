package warden.riscv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;

class SbiTest {

    // [utest->dsn~riscv.sbi.mapping~1]
    @Test
    void wardenStandardAndUnknownExtensionsMapToKernelCalls() {
        assertEquals(MonitorCall.HEARTBEAT, Sbi.callId(Sbi.WARDEN_EID, MonitorCall.HEARTBEAT));
        assertEquals(MonitorCall.SET_TIMER, Sbi.callId(Sbi.TIME_EID, 0));
        assertEquals(MonitorCall.CONSOLE_WRITE, Sbi.callId(Sbi.DBCN_EID, 0));
        assertEquals(MonitorCall.UNKNOWN, Sbi.callId(Sbi.DBCN_EID, 1), "DBCN read is not offered");
        assertEquals(MonitorCall.UNKNOWN, Sbi.callId(0x10, 0), "BASE is not offered");
        assertEquals(MonitorCall.UNKNOWN, Sbi.callId(Sbi.WARDEN_EID, MonitorCall.COUNT));
        assertEquals(MonitorCall.UNKNOWN, Sbi.callId(Sbi.WARDEN_EID, -1));
        assertEquals(Sbi.SBI_ERR_NOT_SUPPORTED, Sbi.error(Status.NOT_SUPPORTED));
        assertEquals(Sbi.SBI_ERR_DENIED, Sbi.error(Status.DENIED));
    }

    // [utest->dsn~riscv.sbi.mapping~1]
    @Property(seed = "42")
    void statusCodesSurviveTheRoundTripThroughSbiErrors(@ForAll("statuses") int status) {
        assertEquals(status, Sbi.status(Sbi.error(status)));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> statuses() {
        return net.jqwik.api.Arbitraries.of(Status.OK, Status.NOT_SUPPORTED, Status.INVALID_PARAM, Status.DENIED,
                Status.INVALID_ADDRESS, Status.FAILED, Status.BAD_STATE);
    }
}
