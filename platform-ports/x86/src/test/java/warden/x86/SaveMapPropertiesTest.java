package warden.x86;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A world switch through SMRAM loses nothing: any valid context written to the save map and
 * resumed with RSM is the context the core then holds, and saving it gives it back.
 */
class SaveMapPropertiesTest {
    private final Rig rig = new Rig();

    @Provide
    Arbitrary<long[]> gprs() {
        return Arbitraries.longs().array(long[].class).ofSize(RegisterFile.GPRS + 1);
    }

    // [utest->dsn~x86.rsm~1]
    // [utest->dsn~x86.world-switch~1]
    @Property(seed = "42", tries = 200)
    boolean aRichContextSurvivesSmramAndRsm(@ForAll("gprs") long[] values) {
        long[] ctx = new long[RegisterFile.WORDS];
        rig.m.initContext(ctx, 0, 1, 3, Rig.RICH);
        System.arraycopy(values, 0, ctx, 0, RegisterFile.GPRS);
        ctx[RegisterFile.RIP] = values[RegisterFile.GPRS];
        rig.m.platform().protection().activate(3, 1);
        rig.m.restore(3, 1, ctx, 0);
        long[] back = new long[RegisterFile.WORDS];
        rig.m.save(3, back, 0);
        rig.m.idle(3);
        return java.util.Arrays.equals(ctx, back) && !rig.m.core(3).inSmm();
    }
}
