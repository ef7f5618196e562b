/**
 * The trace engine's entry points: the command line ({@link warden.trace.TraceMain}, called by the
 * launcher's {@code warden trace} and by the safety manual's build), its options
 * ({@link warden.trace.TraceOptions}) and the engine that runs one trace
 * ({@link warden.trace.TraceEngine}: read every input in parallel, merge in a fixed order, link,
 * gate).
 *
 * <p>The module reads files and depends on nothing of the kernel or the ports. Inside it, the
 * packages form layers, each depending only on those below it: {@code model} and {@code parallel}
 * at the bottom; {@code importer} (with {@code importer.xml}) reads the inputs; {@code link} builds
 * the trace; {@code gate} judges it; {@code report} writes it; this package drives them all. No
 * package below depends on this one. The benchmark lives in the test sources
 * ({@code warden.trace.bench}), outside the jar.
 */
package warden.trace;
