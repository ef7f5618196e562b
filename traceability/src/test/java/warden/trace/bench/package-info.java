/**
 * The trace engine's benchmark, in the test sources so that the engine's jar does not carry it:
 * a synthetic repository of N items ({@link warden.trace.bench.BenchRepo}) and its timing, in one
 * JVM or in fresh processes of the command line ({@link warden.trace.bench.TraceBench}, run by
 * {@code traceability/bench.sh}). It holds the JVM flags the launchers give a trace
 * ({@link warden.trace.bench.TraceBench#COLD_FLAGS}).
 *
 * <p>Depends on the engine's public entry points; nothing depends on it.
 */
package warden.trace.bench;
