// ERROR: Forbidden.java:6: [forbidden-api] reference to java.util.ArrayList: the kernel may not use reflection, java.lang.invoke, java.util, threads or I/O
// ERROR: Forbidden.java:13: [forbidden-api] reference to java.lang.Class: the kernel may not use reflection, java.lang.invoke, java.util, threads or I/O
// ERROR: Forbidden.java:13: [call-allowed] call to java.lang.Class.forName, which is not on the mission allow-list in mission-phase method Forbidden.onIllegalInstruction(int,long)
package golden;

import java.util.ArrayList;

/** A collection import and a reflective call. */
public final class Forbidden {
    private Object last;

    public int onIllegalInstruction(int core, long pc) throws Exception {
        last = Class.forName("golden.Forbidden");
        return core;
    }
}
