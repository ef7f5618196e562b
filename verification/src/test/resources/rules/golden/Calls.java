// ERROR: Calls.java:12: [call-allowed] call to boot-phase method Calls.table() in mission-phase method Calls.onTimer(int)
// ERROR: Calls.java:13: [call-allowed] call to java.lang.Integer.toString, which is not on the mission allow-list in mission-phase method Calls.onTimer(int)
// ERROR: Calls.java:17: [no-alloc] array creation in mission-phase method Calls.helper(int)
package golden;

import warden.kernel.api.rules.BootPhase;

/** Mission code may call mission code, allow-listed JDK methods, and nothing else; checks are transitive. */
public final class Calls {
    public int onTimer(int core) {
        int a = Math.max(core, 0) + helper(core);
        int b = table().length;
        return a + b + (Integer.toString(core) == null ? 1 : 0);
    }

    private int helper(int core) {
        System.arraycopy(new int[1], 0, new int[1], 0, 0);
        return core;
    }

    @BootPhase
    private static int[] table() {
        return new int[4];
    }
}
