package warden.launcher.config;

import java.util.List;

/**
 * A mediated device: {@code device} stays its owner's (the partition that lists it), and the
 * entries of {@code acl} let other partitions reach single registers of it through the monitor.
 *
 * [impl->dsn~config.mediated~1]
 */
public record MediatedSpec(String device, List<AclEntrySpec> acl, Loc loc) {
    public MediatedSpec {
        acl = List.copyOf(acl);
    }
}
