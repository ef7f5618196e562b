/**
 * The safety-manual generator. It reads files only (requirements, the trace engine's and the
 * campaigns' reports, Surefire, JaCoCo and PIT output, and the rendered PDF through Apache PDFBox);
 * no Warden module is on its class path. The browser check drives a local headless Chromium over
 * the DevTools protocol with Java's WebSocket client (java.net.http), on the loopback only.
 */
module warden.manual {
    requires java.net.http;
    requires org.apache.pdfbox;
}
