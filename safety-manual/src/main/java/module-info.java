/**
 * The safety-manual generator. It reads files only (requirements, the trace engine's and the
 * campaigns' reports, Surefire, JaCoCo and PIT output, and the rendered PDF through Apache PDFBox);
 * no Warden module is on its class path.
 */
module warden.manual {
    requires org.apache.pdfbox;
}
