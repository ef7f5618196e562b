// ERROR: golden/Recursive.java:12: [bytecode-no-recursion] call cycle through Recursive.odd -> Recursive.even
// ERROR: golden/Recursive.java:20: [bytecode-no-alloc] NEW java/lang/Object in mission-phase method Recursive.onTimer
// ERROR: golden/Recursive.java:21: [bytecode-no-alloc] NEWARRAY in mission-phase method Recursive.onTimer
// ERROR: golden/Recursive.java:22: [bytecode-call-allowed] call to java/lang/Class.forName(Ljava/lang/String;)Ljava/lang/Class;, not on the mission allow-list, in mission-phase method Recursive.onTimer
// ERROR: golden/Recursive.java:22: [bytecode-forbidden-api] reference to java.lang.Class in Recursive.onTimer
// ERROR: golden/Recursive.java:23: [bytecode-call-allowed] call to java/lang/Object.hashCode()I, not on the mission allow-list, in mission-phase method Recursive.onTimer
package golden;

/** Mutual recursion, allocation and a reflective call, as the bytecode scan sees them. */
public final class Recursive {
    public int even(int n) {
        return n == 0 ? 1 : odd(n - 1);
    }

    public int odd(int n) {
        return n == 0 ? 0 : even(n - 1);
    }

    public int onTimer(int core) throws Exception {
        Object o = new Object();
        int[] a = new int[core];
        Object c = Class.forName("golden.Recursive");
        return o.hashCode() + a.length + c.hashCode() + even(core);
    }
}
