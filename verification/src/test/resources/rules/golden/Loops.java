// ERROR: Loops.java:12: [loop-bound] while loop: write a for loop whose index is bounded by a constant or a boot-time table size
// ERROR: Loops.java:15: [loop-bound] the condition does not compare the index 'i' with a constant or a boot-time table size (LoopBounds.FACTS) in Loops.onTimer(int)
// ERROR: Loops.java:18: [loop-bound] the body writes the index 'j' in Loops.onTimer(int)
package golden;

/** Unbounded loops; the last one is bounded by a constant and accepted. */
public final class Loops {
    private static final int MAX = 16;
    private int spin;

    public int onTimer(int core) {
        while (true) {
            if (++spin > core) break;
        }
        for (int i = 0; i < core; i++) {
            spin++;
        }
        for (int j = 0; j < MAX; j++) {
            j = j + 1;
        }
        for (int k = 0; k < MAX && k < core; k++) {
            spin++;
        }
        return spin;
    }
}
