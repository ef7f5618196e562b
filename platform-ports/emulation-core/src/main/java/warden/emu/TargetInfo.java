package warden.emu;

import java.util.List;
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

    /**
     * @return the isolation between the given partitions that this target cannot give (for
     *         example x86 without VT-x/EPT cannot keep two non-critical partitions apart); empty
     *         when it can give all of it. Validation-time only.
     */
    List<Isolation.Problem> isolationProblems(List<Isolation.Partition> partitions);
}
