package warden.manual;

import java.util.List;

/**
 * The restricted-Java proofs of {@code verification/target/restricted-java/}: worst-case loop
 * iterations and Checker Framework suppressions (their own AsciiDoc, copied), the source-checker
 * and bytecode-scan findings, and the allocation figures of the runtime proofs.
 *
 * [impl->dsn~manual.restricted-java~1]
 */
final class RestrictedJava {
    static final String DIR = "verification/target/restricted-java/";
    private static final String HOW =
            "The restricted-Java tests of module `verification` write it: `./mvnw -B verify`.";
    private static final String[] TARGETS = {"riscv", "arm", "x86"};

    private RestrictedJava() {
    }

    static void write(Evidence ev) {
        copy(ev, "wcet-iterations.adoc", "rj.wcet", "Worst-case loop iterations per entry point (LoopBounds)");
        copy(ev, "wcet-cycles.adoc", "rj.wcet-cycles", "Worst-case cycles per entry point against the measured "
                + "maximum (EntryCyclesTest)");
        copy(ev, "suppressions.adoc", "rj.suppressions", "Checker Framework suppressions with justifications");
        ev.write("rj-findings.adoc", findings(ev));
        ev.write("rj-allocation.adoc", allocation(ev));
    }

    private static void copy(Evidence ev, String file, String key, String what) {
        String text = ev.read(key, what, DIR + file);
        ev.write("rj-" + file, text == null ? Adoc.missing(what, DIR + file, HOW) : text);
    }

    static String findings(Evidence ev) {
        Adoc.Table t = new Adoc.Table("Restricted-Java rule checks of this build", "3,4,2", "Check", "Evidence file",
                "Findings");
        String[][] checks = {
            {"rj.source", "Source checker (mission phase: no allocation, lambdas, boxing, …)", "source-findings.txt"},
            {"rj.bytecode", "Bytecode scan (no allocation opcodes, no invokedynamic, no recursion)",
                "bytecode-findings.txt"},
        };
        for (String[] c : checks) {
            String text = ev.read(c[0], c[1], DIR + c[2]);
            if (text == null) {
                t.row(Adoc.cell(c[1]), Adoc.code(DIR + c[2]), "*Evidence missing*");
                continue;
            }
            long n = text.lines().filter(l -> !l.isBlank()).count();
            ev.figure(c[0], n + " findings");
            t.row(Adoc.cell(c[1]), Adoc.code(DIR + c[2]), n == 0 ? "0" : "*" + n + "*");
        }
        String mission = ev.read("rj.mission", "Mission-phase methods checked", DIR + "mission-methods.txt");
        if (mission != null) {
            long n = mission.lines().filter(l -> !l.isBlank()).count();
            ev.figure("rj.mission", n + " methods");
            t.row("Mission-phase methods the checks covered", Adoc.code(DIR + "mission-methods.txt"), n + " methods");
        }
        StringBuilder b = new StringBuilder(t.toString());
        for (var e : List.of(checks)) {
            if (ev.get(e[0]) != null && !ev.get(e[0]).present()) {
                b.append('\n').append(Adoc.missing(e[1], DIR + e[2], HOW));
            }
        }
        return b.toString();
    }

    static String allocation(Evidence ev) {
        Adoc.Table t = new Adoc.Table("Runtime allocation proofs (ThreadMXBean, 10^6 mission events after warm-up)",
                "1,1,6", "Target", "Mode", "Measured");
        StringBuilder notes = new StringBuilder();
        for (String target : TARGETS) {
            for (String mode : new String[] {"", "-xint"}) {
                String file = "kernel-allocation-" + target + mode + ".txt";
                String text = ev.read("rj.alloc." + target + mode, "Kernel allocation on " + target
                        + (mode.isEmpty() ? " (JIT)" : " (-Xint)"), DIR + file);
                t.row(target, mode.isEmpty() ? "JIT" : "-Xint", text == null
                        ? "*Evidence missing* (" + Adoc.code(DIR + file) + ")"
                        : Adoc.cell(String.join("; ", text.strip().lines().toList())));
                if (text == null) {
                    notes.append(Adoc.missing("kernel allocation proof on " + target
                            + (mode.isEmpty() ? "" : " " + mode), DIR + file, HOW));
                }
            }
        }
        Adoc.Table emu = new Adoc.Table("Emulator steady-state allocation (measured, not gated)", "1,6", "Target",
                "Measured");
        for (String target : TARGETS) {
            String file = "emulator-allocation-" + target + ".txt";
            String text = ev.read("rj.emu." + target, "Emulator allocation on " + target, DIR + file);
            emu.row(target, text == null ? "*Evidence missing*" : Adoc.cell(text.strip()));
        }
        String soak = ev.read("rj.epsilon", "Epsilon GC soak run", DIR + "epsilon-soak.txt");
        String soakText = soak == null ? Adoc.missing("Epsilon GC soak run", DIR + "epsilon-soak.txt", HOW)
                : "Epsilon GC soak run (`epsilon-soak.txt`):\n\n----\n" + soak.strip() + "\n----\n";
        return t + "\n" + notes + "\n" + emu + "\n" + soakText;
    }
}
