/**
 * The run report: the console summary, the {@code warden.run/5} JSON report with its stable
 * schema, and the small JSON writer and reader they share. Depends on {@code ..run} results and
 * the emulation core's records only.
 */
package warden.launcher.report;
