package warden.emu;

import warden.kernel.port.ProtectionUnit;

/**
 * What the validator needs to know about a target before anything runs: its platform description
 * and a fresh protection unit on which to try each partition's regions (the same code that will
 * program the hardware at boot answers whether a region set can be expressed).
 */
public interface TargetInfo {
    PlatformDescription description();

    /** @return a new protection unit not attached to any core, for configuration checks only. */
    ProtectionUnit newProtectionUnit();
}
