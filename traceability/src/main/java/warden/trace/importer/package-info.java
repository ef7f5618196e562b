/**
 * The importers: they find the inputs under a repository root ({@link warden.trace.importer.RepoScan})
 * and read each into model values: OpenFastTrace Markdown spec items
 * ({@link warden.trace.importer.SpecReader}), code and test tags with their Java scopes
 * ({@link warden.trace.importer.SourceFile}, {@link warden.trace.importer.JavaScopes}), Surefire
 * verdicts ({@link warden.trace.importer.TestResults}), PIT mutants
 * ({@link warden.trace.importer.MutationReader}), JaCoCo line coverage
 * ({@link warden.trace.importer.CoverageReader}) and the reviewed lists. A malformed input is an
 * {@link warden.trace.model.InputError} naming file and line.
 *
 * <p>Depends on {@code model}, {@code parallel} and {@code importer.xml}; used by {@code link},
 * {@code gate}, {@code report} and the engine. Knows nothing of linking, gates or reports.
 */
package warden.trace.importer;
