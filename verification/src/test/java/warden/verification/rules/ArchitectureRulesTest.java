package warden.verification.rules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every module arrow of docs/architecture.adoc ({@link Arrows}) holds on the production classes of every
 * main module (ArchUnit): the kernel on java.base and itself only; ports and launcher on the kernel's api,
 * port and factory only; the api on no other kernel package but port; no architecture port on another; the
 * emulation core on no architecture port and, with the ports, not on the launcher; the trace engine and the
 * safety manual on nothing of Warden. A violation names the class, member and source line.
 * {@link ArchitectureSabotageTest} shows that each rule bites.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArchitectureRulesTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = MainClasses.withSabotage().that(not(MainClasses.SABOTAGE));
    }

    static Stream<Arrows.Arrow> arrows() {
        return Arrows.ALL.stream();
    }

    // [utest->dsn~rj.architecture~1]
    @ParameterizedTest(name = "{0}")
    @MethodSource("arrows")
    void holds_on_the_production_classes(Arrows.Arrow arrow) {
        EvaluationResult r = arrow.rule().evaluate(production);
        assertFalse(r.hasViolation(), arrow + ":\n" + String.join("\n", r.getFailureReport().getDetails()));
    }
}
