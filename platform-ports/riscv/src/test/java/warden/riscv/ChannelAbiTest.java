package warden.riscv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.MonitorCall;

/** The channel calls on this port's convention: the Warden SBI extension (FID) = call id 12..14. */
class ChannelAbiTest {
    // [utest->dsn~channel.abi~1]
    @Test
    void theChannelCallsMapToTheirKernelIdsAndNothingPastThem() {
        assertEquals(12, MonitorCall.CHANNEL_SEND);
        assertEquals(MonitorCall.CHANNEL_SEND, Sbi.callId(Sbi.WARDEN_EID, MonitorCall.CHANNEL_SEND));
        assertEquals(MonitorCall.CHANNEL_RECEIVE, Sbi.callId(Sbi.WARDEN_EID, MonitorCall.CHANNEL_RECEIVE));
        assertEquals(MonitorCall.CHANNEL_INFO, Sbi.callId(Sbi.WARDEN_EID, MonitorCall.CHANNEL_INFO));
        assertEquals(MonitorCall.UNKNOWN, Sbi.callId(Sbi.WARDEN_EID, MonitorCall.COUNT));
        assertEquals(MonitorCall.SNAPSHOT, Sbi.callId(Sbi.WARDEN_EID, MonitorCall.SNAPSHOT),
                "SNAPSHOT (17) like every Warden call");
        assertEquals(22, MonitorCall.COUNT, "the device calls 15, 16, SNAPSHOT (17) and the update calls 18 to 21");
    }
}
