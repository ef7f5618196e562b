/**
 * The gates that fail the build: needs covered and nothing unwanted, verifying tests present and
 * passing, own mutation scores at their ASIL's threshold, mutation data present in a gating run
 * ({@link warden.trace.gate.Gates}); ASIL inheritance and decomposition
 * ({@link warden.trace.gate.AsilRules}); kernel code implementing some requirement
 * ({@link warden.trace.gate.UntaggedCode}). Each finding says what is wrong and where.
 *
 * <p>Depends on {@code model}, {@code importer} and {@code link}; used by the engine only.
 */
package warden.trace.gate;
