/**
 * The {@code warden} command line (picocli): {@code run}, {@code validate}, {@code campaign},
 * {@code trace}, {@code bench}. Each command parses and checks its options, reports bad input as
 * one located line with exit code 2 (never a stack trace) and writes its outputs through
 * {@code OutputFiles}. This is the launcher's only entry point; nothing in the launcher depends on
 * it.
 */
package warden.launcher.cli;
