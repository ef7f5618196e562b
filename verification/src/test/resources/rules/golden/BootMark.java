// ERROR: BootMark.java:16: [boot-mark] array creation outside boot-phase code: mark BootMark.grow() @BootPhase or remove it
package golden;

import warden.kernel.api.rules.BootPhase;

/** Allocation outside boot-phase code, even where no entry point reaches it, must be marked. */
final class BootMark {
    private final int[] table = new int[4];

    @BootPhase("sizes the table at boot")
    static int[] sized(int n) {
        return new int[n];
    }

    int[] grow() {
        return new int[table.length * 2];
    }
}
