package warden.launcher.config;

import warden.emu.guest.UpdatePackage;

/**
 * An update section: {@code partition} may be updated over the air by {@code by}, with slots of
 * {@code maxSize} bytes, images signed with the Ed25519 public key {@code key}, a golden image of
 * {@code version} and a trial window; {@code send} (or null) is a package its updater's guest model
 * sends during the run.
 *
 * [impl->dsn~config.update~1]
 */
public record UpdateSpec(String partition, String by, long maxSize, byte[] key, long version, long trialNs,
                         Send send, Loc loc) {
    /** Default trial window. */
    public static final long DEFAULT_TRIAL_NS = 200_000_000L;

    public UpdateSpec {
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    /** A package to send at {@code atNs}; the updater restarts after {@code powerLossAfter} chunks (-1: never). */
    public record Send(UpdatePackage pkg, String file, long atNs, int powerLossAfter, Loc loc) {
    }
}
