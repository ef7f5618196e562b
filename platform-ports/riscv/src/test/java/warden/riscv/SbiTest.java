package warden.riscv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
        assertEquals(MonitorCall.UNKNOWN, Sbi.callId(0x10, 0), "BASE is answered by the port, never by the kernel");
        assertEquals(MonitorCall.UNKNOWN, Sbi.callId(Sbi.WARDEN_EID, MonitorCall.COUNT));
        assertEquals(MonitorCall.UNKNOWN, Sbi.callId(Sbi.WARDEN_EID, -1));
        assertEquals(Sbi.SBI_ERR_NOT_SUPPORTED, Sbi.error(Status.NOT_SUPPORTED));
        assertEquals(Sbi.SBI_ERR_DENIED, Sbi.error(Status.DENIED));
    }

    // [utest->dsn~riscv.sbi.hsm-srst~1]
    @Test
    void hsmAndSystemResetMapOntoVcpuAndPartitionCalls() {
        assertEquals(MonitorCall.VCPU_ON, Sbi.callId(Sbi.HSM_EID, 0, 0), "hart_start");
        assertEquals(MonitorCall.VCPU_OFF, Sbi.callId(Sbi.HSM_EID, 1, 0), "hart_stop");
        assertEquals(MonitorCall.UNKNOWN, Sbi.callId(Sbi.HSM_EID, 2, 0), "hart_get_status is not offered");
        assertEquals(MonitorCall.VCPU_OFF, Sbi.callId(Sbi.SRST_EID, 0, 0), "shutdown stops the vCPU");
        assertEquals(MonitorCall.PARTITION_RESET, Sbi.callId(Sbi.SRST_EID, 0, 1), "cold reboot");
        assertEquals(MonitorCall.PARTITION_RESET, Sbi.callId(Sbi.SRST_EID, 0, 2), "warm reboot");
        assertEquals(MonitorCall.UNKNOWN, Sbi.callId(Sbi.SRST_EID, 0, 3));
        assertEquals(MonitorCall.UNKNOWN, Sbi.callId(Sbi.SRST_EID, 1, 1));
        assertEquals(MonitorCall.UNKNOWN, Sbi.callId(Sbi.IPI_EID, 0, 0), "the kernel offers no IPI");
        assertEquals(MonitorCall.UNKNOWN, Sbi.callId(Sbi.RFENCE_EID, 0, 0), "nor a remote fence");
        assertEquals(MonitorCall.HEARTBEAT, Sbi.callId(Sbi.WARDEN_EID, MonitorCall.HEARTBEAT, 0));
    }

    // [utest->dsn~riscv.sbi.base~1]
    @Test
    void theBaseExtensionAnswersVersionIdsAndProbes() {
        long[] out = new long[2];
        Sbi.base(0, 0, out);
        assertEquals(List.of(0L, 2L << 24), List.of(out[0], out[1]), "spec version 2.0");
        Sbi.base(1, 0, out);
        assertEquals(Sbi.IMPL_ID, out[1]);
        Sbi.base(2, 0, out);
        assertEquals(MonitorCall.ABI_VERSION, out[1]);
        for (long eid : new long[] {Sbi.BASE_EID, Sbi.TIME_EID, Sbi.DBCN_EID, Sbi.HSM_EID, Sbi.SRST_EID,
            Sbi.WARDEN_EID}) {
            Sbi.base(3, eid, out);
            assertEquals(1, out[1], Long.toHexString(eid));
        }
        for (long eid : new long[] {Sbi.IPI_EID, Sbi.RFENCE_EID, 0x01, 0x0A00_0000L}) {
            Sbi.base(3, eid, out);
            assertEquals(0, out[1], Long.toHexString(eid));
        }
        for (int fid = 4; fid <= 6; fid++) {
            out[1] = 99;
            Sbi.base(fid, 0, out);
            assertEquals(List.of(0L, 0L), List.of(out[0], out[1]), "mvendorid, marchid, mimpid read 0");
        }
        Sbi.base(7, 0, out);
        assertEquals(Sbi.SBI_ERR_NOT_SUPPORTED, out[0]);
        assertEquals(true, Sbi.answeredByPort(Sbi.BASE_EID, 0));
        assertEquals(true, Sbi.answeredByPort(Sbi.WARDEN_EID, Sbi.CLAIM_FID));
        assertEquals(false, Sbi.answeredByPort(Sbi.WARDEN_EID, MonitorCall.HEARTBEAT));
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
