package warden.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.MonitorCall;

/** The channel calls on this port's convention: a fast SMC64 of the Warden OEM range = call id 12..14. */
class ChannelAbiTest {
    // [utest->dsn~channel.abi~1]
    @Test
    void theChannelCallsMapToTheirKernelIdsAndNothingPastThem() {
        assertEquals(12, MonitorCall.CHANNEL_SEND);
        assertEquals(MonitorCall.CHANNEL_SEND, Smccc.callId(0xC700_0000 | MonitorCall.CHANNEL_SEND, 0));
        assertEquals(MonitorCall.CHANNEL_RECEIVE, Smccc.callId(0xC700_0000 | MonitorCall.CHANNEL_RECEIVE, 0));
        assertEquals(MonitorCall.CHANNEL_INFO, Smccc.callId(0xC700_0000 | MonitorCall.CHANNEL_INFO, 0));
        assertEquals(MonitorCall.UNKNOWN, Smccc.callId(0xC700_0000 | MonitorCall.COUNT, 0));
        assertEquals(MonitorCall.SNAPSHOT, Smccc.callId(0xC700_0000 | MonitorCall.SNAPSHOT, 0),
                "SNAPSHOT (17) like every Warden call");
        assertEquals(22, MonitorCall.COUNT, "the device calls 15, 16, SNAPSHOT (17) and the update calls 18 to 21");
    }
}
