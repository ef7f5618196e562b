package warden.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.MonitorCall;

/** The channel calls on this port's convention: an APM command byte (AL) = call id 12..14. */
class ChannelAbiTest {
    // [utest->dsn~channel.abi~1]
    @Test
    void theChannelCallsMapToTheirKernelIdsAndNothingPastThem() {
        assertEquals(12, MonitorCall.CHANNEL_SEND);
        assertEquals(MonitorCall.CHANNEL_SEND, ApmCalls.callId(MonitorCall.CHANNEL_SEND));
        assertEquals(MonitorCall.CHANNEL_RECEIVE, ApmCalls.callId(MonitorCall.CHANNEL_RECEIVE));
        assertEquals(MonitorCall.CHANNEL_INFO, ApmCalls.callId(MonitorCall.CHANNEL_INFO));
        assertEquals(MonitorCall.UNKNOWN, ApmCalls.callId(MonitorCall.COUNT));
        assertEquals(MonitorCall.SNAPSHOT, ApmCalls.callId(MonitorCall.SNAPSHOT),
                "SNAPSHOT (17) like every Warden call");
        assertEquals(22, MonitorCall.COUNT, "the device calls 15, 16, SNAPSHOT (17) and the update calls 18 to 21");
    }
}
