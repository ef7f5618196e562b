package warden.trace.model;

import java.util.List;

/**
 * One PIT mutant: where it is, what it changed, its status, and the tests that killed it, that
 * ran and did not kill it, and that cover its line (the full mutation matrix), as
 * {@code class#method} keys.
 */
public record Mutant(String className, String method, String sourceFile, int line, String mutator,
        String description, String status, List<String> killing, List<String> succeeding, List<String> covering) {

    /** @return true when the mutant was detected (killed, timed out, memory error). */
    public boolean detected() {
        return status.equals("KILLED") || status.equals("TIMED_OUT") || status.equals("MEMORY_ERROR")
                || status.equals("RUN_ERROR");
    }

    /** @return the mutator's short name, such as {@code NegateConditionalsMutator}. */
    public String mutatorName() {
        return mutator.substring(mutator.lastIndexOf('.') + 1);
    }
}
