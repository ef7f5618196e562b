package warden.verification;

import java.io.PrintWriter;
import java.io.StringWriter;
import warden.launcher.cli.WardenCli;

/** Runs the {@code warden} command line in-process and keeps what it printed. */
final class Cli {
    /** What one command line gave: exit code, standard output and standard error. */
    record Outcome(int code, String out, String err) {
        /** @return both streams, for assertions about everything the user saw. */
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WardenCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }
}
