// ERROR: IterableFor.java:11: [no-iterable-for] enhanced for over an Iterable (allocates an Iterator) in mission-phase method IterableFor.sum()
// ERROR: IterableFor.java:11: [loop-bound] enhanced for loop: write an indexed for loop with a stated bound
package golden;

/** An enhanced for over an Iterable. */
public final class IterableFor {
    private final Iterable<String> names = null;

    public int sum() {
        int n = 0;
        for (String s : names) {
            n += s == null ? 0 : 1;
        }
        return n;
    }
}
