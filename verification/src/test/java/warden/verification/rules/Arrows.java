package warden.verification.rules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;

/**
 * The module arrows of docs/architecture.adoc and issue 13, one ArchUnit rule each, over the production classes
 * of the main modules. {@link ArchitectureRulesTest} checks that every one holds, {@link ArchitectureSabotageTest} that
 * every one reports a class of the test tree that deliberately breaks it.
 */
final class Arrows {
    static final String KERNEL = "warden.kernel..";
    static final String LAUNCHER = "warden.launcher..";
    static final String[] ARCHES = {"warden.riscv..", "warden.arm..", "warden.x86.."};
    static final String[] PORTS = {"warden.emu..", "warden.riscv..", "warden.arm..", "warden.x86..", LAUNCHER};

    /** One arrow: what it forbids, in words, and the rule that checks it. */
    record Arrow(String name, ArchRule rule) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Set<String> JAVA_BASE = ModuleLayer.boot().findModule("java.base").orElseThrow()
            .getPackages();

    /** Classes of the module java.base (arrays by their element type; primitives count as java.base). */
    static final DescribedPredicate<JavaClass> IN_JAVA_BASE = new DescribedPredicate<>("reside in module java.base") {
        @Override
        public boolean test(JavaClass c) {
            JavaClass t = c.isArray() ? c.getBaseComponentType() : c;
            return t.isPrimitive() || JAVA_BASE.contains(t.getPackageName());
        }
    };

    static final Arrow KERNEL_ON_JAVA_BASE = new Arrow("the kernel depends on java.base and itself only",
            classes().that().resideInAPackage(KERNEL)
                    .should().onlyDependOnClassesThat(resideInAPackage(KERNEL).or(IN_JAVA_BASE)));

    static final Arrow RISCV_ALONE = notOnOtherArchitectures(0);
    static final Arrow ARM_ALONE = notOnOtherArchitectures(1);
    static final Arrow X86_ALONE = notOnOtherArchitectures(2);

    static final Arrow EMU_NOT_ON_ARCHES = new Arrow("the emulation core depends on no architecture port",
            noClasses().that().resideInAPackage("warden.emu..")
                    .should().dependOnClassesThat().resideInAnyPackage(ARCHES));

    static final Arrow NOT_ON_LAUNCHER = new Arrow(
            "the emulation core and the architecture ports do not use the launcher",
            noClasses().that().resideInAnyPackage("warden.emu..", "warden.riscv..", "warden.arm..", "warden.x86..")
                    .should().dependOnClassesThat().resideInAPackage(LAUNCHER));

    /** What code outside the kernel may use of it: the api, the port SPI and the factory {@code Warden}. */
    static final String[] KERNEL_FACES = {"warden.kernel.api..", "warden.kernel.port..", "warden.kernel"};

    static final Arrow PORTS_ON_API_AND_PORT = new Arrow(
            "ports use of the kernel only its api and port packages and its factory",
            noClasses().that().resideInAnyPackage(PORTS)
                    .should().dependOnClassesThat(resideInAPackage(KERNEL).and(not(resideInAnyPackage(KERNEL_FACES)))));

    static final Arrow API_ON_PORT_ONLY = new Arrow("the kernel's api depends on no other kernel package but port",
            noClasses().that().resideInAPackage("warden.kernel.api..")
                    .should().dependOnClassesThat(resideInAPackage(KERNEL)
                            .and(not(resideInAnyPackage("warden.kernel.api..", "warden.kernel.port..")))));

    static final Arrow MANUAL_READS_FILES = selfContained("warden.manual..",
            "the safety manual depends on no other Warden package (it reads files)");

    static final Arrow TRACE_INDEPENDENT = selfContained("warden.trace..",
            "the trace engine depends on no other Warden package (kernel, ports, launcher, manual)");

    /** Every arrow, each checked on the production classes and against its sabotage. */
    static final List<Arrow> ALL = List.of(KERNEL_ON_JAVA_BASE, RISCV_ALONE, ARM_ALONE, X86_ALONE, EMU_NOT_ON_ARCHES,
            NOT_ON_LAUNCHER, PORTS_ON_API_AND_PORT, API_ON_PORT_ONLY, MANUAL_READS_FILES, TRACE_INDEPENDENT);

    private Arrows() {
    }

    private static Arrow notOnOtherArchitectures(int self) {
        String[] others = new String[ARCHES.length - 1];
        for (int i = 0, j = 0; i < ARCHES.length; i++) {
            if (i != self) {
                others[j++] = ARCHES[i];
            }
        }
        String name = ARCHES[self].replace("warden.", "").replace("..", "");
        return new Arrow("the " + name + " port depends on no other architecture port",
                noClasses().that().resideInAPackage(ARCHES[self]).should().dependOnClassesThat()
                        .resideInAnyPackage(others));
    }

    private static Arrow selfContained(String pkg, String name) {
        return new Arrow(name, classes().that().resideInAPackage(pkg)
                .should().onlyDependOnClassesThat(resideInAPackage(pkg).or(not(resideInAPackage("warden..")))));
    }
}
