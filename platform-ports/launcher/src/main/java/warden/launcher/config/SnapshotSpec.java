package warden.launcher.config;

/**
 * A partition's snapshots (restore points): at its first heartbeat ({@code at: [boot]}), once at
 * the first heartbeat at or after a time ({@code at: [50ms]}; -1 for none), periodically at the
 * first heartbeat a period after the last one (0 for none), and when the named privileged
 * partition asks (null for nobody). {@code requesterLoc} is the requester's line.
 *
 * [impl->dsn~config.snapshot~1]
 */
public record SnapshotSpec(boolean atBoot, long atNs, long periodNs, String requester, Loc loc, Loc requesterLoc) {
}
