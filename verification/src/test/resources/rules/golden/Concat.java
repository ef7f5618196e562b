// ERROR: Concat.java:10: [no-concat] string concatenation in mission-phase method Concat.describe(int)
package golden;

/** String concatenation in mission code; a constant concatenation is folded and allowed. */
public final class Concat {
    private static final String PREFIX = "core " + 1;
    private String text = PREFIX;

    public int describe(int core) {
        text = "core " + core;
        return text == null ? 1 : 0;
    }
}
