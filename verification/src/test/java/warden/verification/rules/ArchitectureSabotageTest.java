package warden.verification.rules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every module arrow ({@link Arrows}, held on the production classes by {@link ArchitectureRulesTest}) bites:
 * with a sabotage class of the test tree added (a class in the offending package that makes the forbidden
 * reference, e.g. {@code warden.riscv.SabotageRiscvUsesArm}), the rule reports a violation naming that class
 * and its source line, and only that class. The sabotage classes stay in verification's test classes: no
 * production import and no jar sees them.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArchitectureSabotageTest {
    /** Each arrow and the sabotage classes that break it. */
    static final Map<Arrows.Arrow, List<Class<?>>> SABOTAGE = new LinkedHashMap<>();
    static {
        SABOTAGE.put(Arrows.KERNEL_ON_JAVA_BASE, List.of(warden.kernel.core.SabotageKernelUsesLauncher.class,
                warden.kernel.core.SabotageKernelUsesJavaSql.class));
        SABOTAGE.put(Arrows.RISCV_ALONE, List.of(warden.riscv.SabotageRiscvUsesArm.class));
        SABOTAGE.put(Arrows.ARM_ALONE, List.of(warden.arm.SabotageArmUsesX86.class));
        SABOTAGE.put(Arrows.X86_ALONE, List.of(warden.x86.SabotageX86UsesRiscv.class));
        SABOTAGE.put(Arrows.EMU_NOT_ON_ARCHES, List.of(warden.emu.SabotageEmuUsesArm.class));
        SABOTAGE.put(Arrows.NOT_ON_LAUNCHER, List.of(warden.x86.SabotageX86UsesLauncher.class));
        SABOTAGE.put(Arrows.PORTS_ON_API_AND_PORT, List.of(warden.launcher.SabotageLauncherUsesKernelInternals.class,
                warden.emu.SabotageEmuUsesKernelCore.class));
        SABOTAGE.put(Arrows.API_ON_PORT_ONLY, List.of(warden.kernel.api.SabotageApiUsesCore.class));
        SABOTAGE.put(Arrows.MANUAL_READS_FILES, List.of(warden.manual.SabotageManualUsesLauncher.class));
        SABOTAGE.put(Arrows.TRACE_INDEPENDENT, List.of(warden.trace.SabotageTraceUsesKernel.class));
    }

    private static JavaClasses all;
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        all = MainClasses.withSabotage();
        production = all.that(not(MainClasses.SABOTAGE));
    }

    static Stream<Arrows.Arrow> arrows() {
        return Arrows.ALL.stream();
    }

    // [utest->dsn~rj.architecture~1]
    // [utest->dsn~rj.arrows-sabotage~1]
    @Test
    void every_arrow_has_a_sabotage_fixture_and_the_production_import_holds_every_module() {
        assertEquals(Arrows.ALL, List.copyOf(SABOTAGE.keySet()), "one entry per arrow, in Arrows.ALL's order");
        for (String pkg : List.of("warden.kernel.core", "warden.kernel.api", "warden.emu", "warden.riscv",
                "warden.arm", "warden.x86", "warden.launcher.cli", "warden.manual", "warden.trace")) {
            assertTrue(production.containPackage(pkg), "production classes of " + pkg + " imported");
        }
        for (JavaClass c : production) {
            assertFalse(c.getSimpleName().startsWith("Sabotage"), c.getName() + " is in the production import");
        }
        for (List<Class<?>> fixtures : SABOTAGE.values()) {
            for (Class<?> f : fixtures) {
                String where = f.getProtectionDomain().getCodeSource().getLocation().toString();
                assertTrue(where.endsWith("/verification/target/test-classes/"), f.getName() + " comes from " + where);
                // the source and bytecode rules read the kernel's own sources and classes, never these
                assertFalse(JavaModel.kernelClasses().toUri().toString().equals(where), "kernel classes at " + where);
                assertFalse(Files.exists(Rules.kernelSources().resolve(f.getName().replace('.', '/') + ".java")));
            }
        }
    }

    // [utest->dsn~rj.architecture~1]
    // [utest->dsn~rj.arrows-sabotage~1]
    @ParameterizedTest(name = "{0}")
    @MethodSource("arrows")
    void reports_each_sabotage_class_by_name_and_line(Arrows.Arrow arrow) {
        for (Class<?> fixture : SABOTAGE.get(arrow)) {
            EvaluationResult r = arrow.rule().evaluate(productionPlus(fixture));
            assertTrue(r.hasViolation(), arrow + " misses " + fixture.getName());
            List<String> details = r.getFailureReport().getDetails();
            for (String d : details) {
                assertTrue(d.contains("<" + fixture.getName() + ".") || d.contains("<" + fixture.getName() + ">"),
                        "a violation not about the sabotage class " + fixture.getName() + ": " + d);
            }
            String file = fixture.getSimpleName() + ".java:";
            assertTrue(details.stream().anyMatch(d -> d.contains(file)), "no source line in " + details);
        }
    }

    private static JavaClasses productionPlus(Class<?> fixture) {
        return all.that(not(MainClasses.SABOTAGE).or(named(fixture.getName())));
    }

    private static DescribedPredicate<JavaClass> named(String name) {
        return DescribedPredicate.describe("named " + name, c -> c.getName().equals(name));
    }
}
