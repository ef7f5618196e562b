package warden.verification.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import warden.emu.Target;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.DescriptionValidator;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.SystemRun;
import warden.launcher.run.Targets;

/**
 * Measures what the whole emulated system (the default system: guests, devices, engine, port and
 * kernel on one thread) allocates in steady state, per millisecond of virtual time, and publishes
 * it ({@code emulator-allocation-<target>.txt}). A measurement, not a gate: the emulator is not
 * mission code (the kernel's own zero is KernelAllocationTest's).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmulatorAllocationTest {
    static final long MS = 1_000_000L;

    // [utest->dsn~rj.runtime-zero-alloc~1]
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"riscv", "arm", "x86"})
    void the_emulator_steady_state_allocation_is_measured_and_published(String name) throws Exception {
        Target target = Targets.get(name);
        Assumptions.assumeTrue(target != null, "target " + name + " is not available");
        SystemDescription d = DefaultSystem.load(name).description();
        Assumptions.assumeTrue(DescriptionValidator.validate(d, target).isEmpty(), "default system not valid on "
                + name);
        long warm = 50 * MS;
        long window = 200 * MS;
        SystemRun run = new SystemRun(d, target, warm + window, 42, false).boot();
        run.monitor().start();
        run.engine().runUntil(warm);
        long before = Allocation.now();
        run.engine().runUntil(warm + window);
        long bytes = Allocation.now() - before;
        String text = name + ": default system, steady state after " + warm / MS + " ms: " + bytes + " bytes in "
                + window / MS + " ms of virtual time (" + bytes / (window / MS) + " bytes/ms)\n";
        Rules.write("emulator-allocation-" + name + ".txt", text);
        System.out.print(text);
        assertTrue(bytes >= 0);
    }
}
