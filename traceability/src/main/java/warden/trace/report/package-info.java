/**
 * The reports of a finished trace, each the same bytes whatever the threads: the offline HTML page
 * ({@link warden.trace.report.HtmlReport}), {@code trace.json}
 * ({@link warden.trace.report.JsonReport}), ReqIF 1.2 ({@link warden.trace.report.ReqifReport})
 * and the safety manual's AsciiDoc includes ({@link warden.trace.report.AsciiDocReport}), written
 * together by {@link warden.trace.report.Reports}.
 *
 * <p>Depends on {@code model}, {@code importer}, {@code link} and {@code parallel}; reads the trace,
 * never changes it; used by the engine's command line and the benchmark.
 */
package warden.trace.report;
