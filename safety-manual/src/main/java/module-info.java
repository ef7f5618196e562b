/**
 * The safety-manual generator. It reads files only (requirements, the trace engine's and the
 * campaigns' reports, Surefire, JaCoCo and PIT output); no Warden module is on its class path.
 */
module warden.manual {
}
