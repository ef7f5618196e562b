package warden.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.MonitorCall;

/** The update calls on this port's convention: RAX = call id, 18..21. */
class UpdateAbiTest {
    private static int map(int id) {
        return ApmCalls.callId(id);
    }

    // [utest->dsn~port.update-abi~1]
    @Test
    void theUpdateCallsMapToTheirKernelIdsAfterTheSnapshotCall() {
        assertEquals(MonitorCall.UPDATE_BEGIN, map(18));
        assertEquals(MonitorCall.UPDATE_CHUNK, map(19));
        assertEquals(MonitorCall.UPDATE_FINISH, map(20));
        assertEquals(MonitorCall.UPDATE_STATUS, map(21));
        assertEquals(MonitorCall.SNAPSHOT, map(17));
        assertEquals(MonitorCall.UNKNOWN, map(22));
        assertEquals("UPDATE_FINISH", MonitorCall.name(map(20)));
    }
}
