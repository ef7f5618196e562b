package warden.trace.model;

/** Bad input the engine cannot read past; carries the {@link InputError} to print (exit 2). */
public final class TraceInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient InputError error;

    /** @param error what and where */
    public TraceInputException(InputError error) {
        super(error.toString());
        this.error = error;
    }

    /** @return what was wrong and where. */
    public InputError error() {
        return error;
    }
}
