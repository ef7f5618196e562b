/**
 * The {@code warden} command line: system descriptions, runs, campaigns, reports and the trace
 * command. Nothing else depends on it; it exports no package. picocli reads the command classes
 * reflectively, so the command package is open to it alone.
 */
module warden.launcher {
    requires warden.riscv;
    requires warden.arm;
    requires warden.x86;
    requires warden.trace;
    requires org.yaml.snakeyaml;
    requires info.picocli;
    requires java.management;
    opens warden.launcher.cli to info.picocli;
}
