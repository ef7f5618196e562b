// ERROR: Boxing.java:10: [no-boxing] boxing of int to java.lang.Object in mission-phase method Boxing.onTimer(int)
// ERROR: Boxing.java:11: [no-boxing] unboxing of java.lang.Integer in mission-phase method Boxing.onTimer(int)
package golden;

/** Boxing and unboxing. */
public final class Boxing {
    private Integer count = null;

    public int onTimer(int core) {
        Object o = core;
        int c = count + 1;
        return o == null ? c : 0;
    }
}
