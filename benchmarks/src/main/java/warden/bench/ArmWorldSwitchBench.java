package warden.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import warden.arm.ArmMachine;
import warden.arm.ContextLayout;
import warden.emu.Board;
import warden.kernel.port.ProtectionUnit;

/**
 * The Arm port's own world switch without the kernel (formerly the Arm tests' WorldSwitchTiming):
 * save the running world's context, activate the other partition's TZC-400 slot, restore the other
 * context, Secure to Non-secure and back on alternate operations.
 */
public class ArmWorldSwitchBench extends NanoBench {
    private ArmMachine m;
    private ProtectionUnit pu;
    private final long[] ctx = new long[2 * ContextLayout.WORDS];
    private int from;

    @Setup(Level.Trial)
    public void setUp() {
        Board b = Rigs.boot("arm").board;
        m = (ArmMachine) b;
        pu = m.platform().protection();
        long[] ram = Rigs.partitionRam("arm");
        m.initContext(ctx, 0, 0, 0, ram[0]);
        m.initContext(ctx, ContextLayout.WORDS, 1, 0, ram[1]);
        pu.activate(0, 0);
        m.restore(0, 0, ctx, 0);
        from = 0;
    }

    /** @return the partition now on core 0. */
    @Benchmark
    public int saveActivateRestore() {
        int to = from ^ 1;
        m.save(0, ctx, from * ContextLayout.WORDS);
        pu.activate(0, to);
        m.restore(0, to, ctx, to * ContextLayout.WORDS);
        from = to;
        return to;
    }
}
