/**
 * The safety manual's generator ({@link warden.manual.Generate}): it reads this build's evidence
 * files (spec items, POMs, Surefire/JaCoCo/PIT reports, the trace engine's output, the
 * restricted-Java proofs and the campaign and default-system files of the verification module) and
 * writes the AsciiDoc includes that the hand-written chapters pull in. It reads files only and
 * depends on no Warden module's code; nothing depends on it.
 */
package warden.manual;
