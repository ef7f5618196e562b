package warden.launcher.cli;

/** Bad input from the user: printed as one clear message, exit code 2, never a stack trace. */
final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message);
    }
}
