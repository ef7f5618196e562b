package warden.trace.link;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.trace.model.Asil;
import warden.trace.model.Mutant;
import warden.trace.model.SpecItem;

/** Which mutants count as killed by an item's own tests, timed-out ones included. */
class OwnKillTest {
    private static ItemTrace item(String... tests) {
        ItemTrace it = new ItemTrace(new SpecItem("dsn~x~1", "x", "", "", "approved", "", Asil.parse("ASIL-C"),
                List.of(),
                List.of(), List.of("impl", "utest"), List.of(), List.of(), "x.md", 1));
        it.testMethods.addAll(List.of(tests));
        return it;
    }

    private static Mutant mutant(String status, List<String> killing, List<String> covering) {
        return new Mutant("a.B", "m", "B.java", 3, "org.pitest.X", "d", status, killing, List.of(), covering);
    }

    // [utest->dsn~trace.mutation-score~1]
    @Test
    void aKilledMutantIsOwnOnlyWhenOneOfTheItemsTestsKilledIt() {
        ItemTrace it = item("a.T#own");
        assertTrue(Metrics.ownKill(it, mutant("KILLED", List.of("a.U#other", "a.T#own"),
                List.of("a.T#own", "a.U#other"))));
        assertFalse(Metrics.ownKill(it, mutant("KILLED", List.of("a.U#other"), List.of("a.T#own", "a.U#other"))),
                "covered by its own test, killed by another");
        assertFalse(Metrics.ownKill(it, mutant("SURVIVED", List.of(), List.of("a.T#own"))));
    }

    // [utest->dsn~trace.mutation-score~1]
    @Test
    void aTimedOutMutantWithNoKillingTestIsOwnWhenOneOfTheItemsTestsCoversIt() {
        ItemTrace it = item("a.T#own");
        assertTrue(Metrics.ownKill(it, mutant("TIMED_OUT", List.of(), List.of("a.U#other", "a.T#own"))));
        assertFalse(Metrics.ownKill(it, mutant("TIMED_OUT", List.of(), List.of("a.U#other"))));
        assertFalse(Metrics.ownKill(it, mutant("TIMED_OUT", List.of("a.U#other"), List.of("a.T#own"))),
                "a named killing test decides");
    }
}
