package warden.kernel.api;

import warden.kernel.api.rules.BootPhase;

/**
 * Access permissions and access kinds as bit flags: read, write, execute. A region's permission
 * set is an OR of these; an access is exactly one of them.
 */
public final class Access {
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int EXECUTE = 4;
    public static final int ALL = READ | WRITE | EXECUTE;

    private Access() {
    }

    /** @return "r", "w", "x" for a single access kind, or "rwx"-style text for a set. */
    @BootPhase("text for reports, never called by the kernel")
    public static String text(int perms) {
        char r = (perms & READ) != 0 ? 'r' : '-';
        char w = (perms & WRITE) != 0 ? 'w' : '-';
        char x = (perms & EXECUTE) != 0 ? 'x' : '-';
        return new String(new char[] {r, w, x});
    }
}
