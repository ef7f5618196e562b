package warden.verification.rules;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The module arrows of ARCHITECTURE.md, on the production classes of every module (ArchUnit):
 * the kernel depends on java.* and itself only; ports (emulation core, architecture ports,
 * launcher) use of the kernel only its api and port packages and its factory {@code warden.kernel.Warden};
 * the kernel's api depends on no other kernel package but port; no architecture port
 * depends on another; the emulation core depends on no architecture port. Violations name the
 * class, member and source line.
 *
 * [utest->dsn~rj.architecture~1]
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArchitectureRulesTest {
    static final String[] PORTS = {"warden.emu..", "warden.riscv..", "warden.arm..", "warden.x86..", "warden.launcher.."};
    /** What code outside the kernel may use of it: the api, the port SPI and the factory (warden.kernel.Warden). */
    static final String[] KERNEL_FACES = {"warden.kernel.api..", "warden.kernel.port..", "warden.kernel"};
    static final String[] ARCHES = {"warden.riscv..", "warden.arm..", "warden.x86.."};
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("warden");
    }

    @Test
    void the_kernel_depends_on_java_and_itself_only() {
        classes().that().resideInAPackage("warden.kernel..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("warden.kernel..", "java..")
                .check(production);
    }

    @Test
    void ports_use_the_kernel_api_and_port_packages_only() {
        classes().that().resideInAnyPackage(PORTS)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("warden.kernel..")
                        .or(resideInAnyPackage(KERNEL_FACES)))
                .check(production);
    }

    @Test
    void the_kernel_api_depends_on_no_other_kernel_package_but_port() {
        classes().that().resideInAPackage("warden.kernel.api..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("warden.kernel..")
                        .or(resideInAnyPackage("warden.kernel.api..", "warden.kernel.port..")))
                .check(production);
    }

    @Test
    void no_architecture_port_depends_on_another() {
        for (String a : ARCHES) {
            for (String b : ARCHES) {
                if (!a.equals(b)) {
                    noClasses().that().resideInAPackage(a).should().dependOnClassesThat().resideInAPackage(b)
                            .check(production);
                }
            }
        }
    }

    @Test
    void the_emulation_core_and_the_architecture_ports_do_not_depend_on_the_launcher() {
        noClasses().that().resideInAnyPackage("warden.emu..", "warden.riscv..", "warden.arm..", "warden.x86..")
                .should().dependOnClassesThat().resideInAPackage("warden.launcher..")
                .check(production);
        noClasses().that().resideInAPackage("warden.emu..").should().dependOnClassesThat().resideInAnyPackage(ARCHES)
                .check(production);
    }
}
