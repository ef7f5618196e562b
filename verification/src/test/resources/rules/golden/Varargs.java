// ERROR: Varargs.java:9: [no-varargs] call to varargs method Varargs.max(int[]) in mission-phase method Varargs.onTimer(int)
package golden;

/** A call to a varargs method (allocates its array). */
public final class Varargs {
    private static final int LIMIT = 8;

    public int onTimer(int core) {
        return max(core, LIMIT);
    }

    private static int max(int... values) {
        return values.length;
    }
}
