// ERROR: EntryBoot.java:8: [entry-point] mission entry point EntryBoot.onTimer(int) is marked @BootPhase
package golden;

import warden.kernel.api.rules.BootPhase;

/** An entry point may not be boot-phase code. */
public final class EntryBoot {
    @BootPhase
    public int onTimer(int core) {
        return core;
    }
}
