/**
 * The trace engine: it reads requirement files, source tags and test, coverage and mutation
 * reports, links them, runs the gates and writes the reports. It depends on nothing of Warden
 * (it reads files); others use its command-line entry {@code warden.trace.TraceMain} only.
 */
module warden.trace {
    requires java.xml;
    exports warden.trace;
}
