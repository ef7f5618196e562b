package warden.arm;

import org.junit.jupiter.api.Test;
import warden.kernel.port.ProtectionUnit;

/**
 * Host time per world switch on the Arm port (save + TZC-400 activation + restore, Secure to
 * Non-secure and back), measured with a plain timing loop and printed; nothing is asserted (host
 * timing is not a property of the code). Run: {@code ./mvnw -q -o test -pl platform-ports/arm
 * -Dtest=WorldSwitchTiming}.
 */
class WorldSwitchTiming {
    private static final int WARMUP = 200_000;
    private static final int SWITCHES = 2_000_000;

    @Test
    void printHostNanosecondsPerWorldSwitch() {
        TestBoard b = new TestBoard();
        long[] ctx = new long[2 * ContextLayout.WORDS];
        b.m.initContext(ctx, 0, 0, 0, TestBoard.SAFE_RAM);
        b.m.initContext(ctx, ContextLayout.WORDS, 1, 0, TestBoard.RICH_RAM);
        b.m.platform().protection().activate(0, 0);
        b.m.restore(0, 0, ctx, 0);
        run(b, ctx, WARMUP);
        long t0 = System.nanoTime();
        run(b, ctx, SWITCHES);
        long ns = System.nanoTime() - t0;
        System.out.printf("Arm world switch (save + TZC-400 activate + restore): %.1f ns host time per switch%n",
                (double) ns / SWITCHES);
    }

    private static void run(TestBoard b, long[] ctx, int n) {
        ProtectionUnit pu = b.m.platform().protection();
        for (int i = 0; i < n; i++) {
            int from = i & 1;
            int to = from ^ 1;
            b.m.save(0, ctx, from * ContextLayout.WORDS);
            pu.activate(0, to);
            b.m.restore(0, to, ctx, to * ContextLayout.WORDS);
        }
    }
}
