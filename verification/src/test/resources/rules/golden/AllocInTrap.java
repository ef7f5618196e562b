// ERROR: AllocInTrap.java:12: [no-alloc] object creation 'new StringBuilder' in mission-phase method AllocInTrap.onAccessFault(int,long)
// ERROR: AllocInTrap.java:13: [no-alloc] array creation in mission-phase method AllocInTrap.onAccessFault(int,long)
// ERROR: AllocInTrap.java:12: [call-allowed] call to java.lang.StringBuilder.append, which is not on the mission allow-list in mission-phase method AllocInTrap.onAccessFault(int,long)
package golden;

/** A trap handler that allocates: a builder and an array. */
public final class AllocInTrap {
    private long last;

    public int onAccessFault(int core, long address) {
        last = address;
        Object o = new StringBuilder().append(core);
        long[] copy = new long[4];
        return o == null || copy.length == 0 ? -1 : 0;
    }
}
