/**
 * The trace and its linking: {@link warden.trace.link.Trace} holds everything read and found,
 * {@link warden.trace.link.ItemTrace} one item's evidence; the {@link warden.trace.link.Linker}
 * links items to items, tags to items and test tags to test methods and verdicts (reporting
 * duplicate ids, dangling, outdated and unknown links), and {@link warden.trace.link.Metrics}
 * gives each item the coverage and mutants of its code and its own mutation score.
 *
 * <p>Depends on {@code model} and {@code importer}; used by {@code gate}, {@code report} and the
 * engine.
 */
package warden.trace.link;
