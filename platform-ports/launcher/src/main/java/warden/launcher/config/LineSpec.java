package warden.launcher.config;

/** An explicit interrupt routing: line {@code line} goes to core {@code core} at priority 1..7. */
public record LineSpec(int line, int core, int priority, Loc loc) {
}
