package warden.kernel.api;

import static warden.kernel.api.SystemImage.NO_PARTITION;
import static warden.kernel.api.SystemImage.PARTITIONS_MAX;
import static warden.kernel.api.SystemImage.REGIONS_PER_PARTITION_MAX;
import static warden.kernel.api.SystemImage.REGIONS_MAX;
import static warden.kernel.api.SystemImage.DEVICES_MAX;
import static warden.kernel.api.SystemImage.LINES_MAX;
import static warden.kernel.api.SystemImage.DIGEST_BYTES;

import warden.kernel.api.rules.BootPhase;

/**
 * Collects a system before boot. Every setter checks only what it must to stay in its tables
 * (it throws {@link IllegalArgumentException} on a table overflow, which callers avoid by
 * validating first); the semantic checks are {@code ImageCheck}'s.
 *
 * [impl->dsn~kernel.image~1]
 */
@BootPhase("builds an image before boot")
// justification: the builder checks every table bound before it writes (a table overflow throws before boot)
@SuppressWarnings("index")
public final class SystemImageBuilder {
    int coreCount;
    long monitorBase;
    long monitorSize;
    int partitionCount;
    final String[] name = new String[PARTITIONS_MAX];
    final int[] criticality = new int[PARTITIONS_MAX];
    final int[] coreMask = new int[PARTITIONS_MAX];
    final long[] entry = new long[PARTITIONS_MAX];
    final long[] watchdogNs = new long[PARTITIONS_MAX];
    final boolean[] privileged = new boolean[PARTITIONS_MAX];
    final long[] bootTimeoutNs = new long[PARTITIONS_MAX];
    final int[] faultLimit = new int[PARTITIONS_MAX];
    final int[] irqLimit = new int[PARTITIONS_MAX];
    final long[] healthWindowNs = new long[PARTITIONS_MAX];
    final int[] maxRestarts = new int[PARTITIONS_MAX];
    final int[] onFailure = new int[PARTITIONS_MAX];
    final int[] escalation = new int[PARTITIONS_MAX];
    final int[] regionFirst = new int[PARTITIONS_MAX];
    final int[] regionCount = new int[PARTITIONS_MAX];
    int regionTotal;
    final long[] regionBase = new long[REGIONS_MAX];
    final long[] regionSize = new long[REGIONS_MAX];
    final int[] regionPerms = new int[REGIONS_MAX];
    int deviceTotal;
    final String[] deviceName = new String[DEVICES_MAX];
    final long[] deviceBase = new long[DEVICES_MAX];
    final long[] deviceSize = new long[DEVICES_MAX];
    final int[] deviceOwner = new int[DEVICES_MAX];
    final int[] lineOwner = new int[LINES_MAX];
    final int[] lineCore = new int[LINES_MAX];
    final int[] linePriority = new int[LINES_MAX];
    int duplicateLine;
    final ChannelTable channels = new ChannelTable();
    final DeviceAclTable acl = new DeviceAclTable();
    final ImageTable images = new ImageTable();
    final SnapshotTable snapshots = new SnapshotTable();

    SystemImageBuilder(int coreCount) {
        this.coreCount = coreCount;
        for (int l = 0; l < LINES_MAX; l++) {
            lineOwner[l] = NO_PARTITION;
        }

    }

    public SystemImageBuilder monitor(long base, long size) {
        monitorBase = base;
        monitorSize = size;
        return this;
    }

    /** Adds a partition and returns its index; its regions must follow before the next one. */
    public int partition(String partitionName, int level, int cores, long entryPoint,
                         long watchdogPeriodNs, boolean isPrivileged) {
        if (partitionCount >= PARTITIONS_MAX) {
            throw new IllegalArgumentException("more than " + PARTITIONS_MAX + " partitions");
        }
        int p = partitionCount++;
        name[p] = partitionName;
        criticality[p] = level;
        coreMask[p] = cores;
        entry[p] = entryPoint;
        watchdogNs[p] = watchdogPeriodNs;
        privileged[p] = isPrivileged;
        regionFirst[p] = regionTotal;
        healthWindowNs[p] = HealthAction.DEFAULT_WINDOW_NS;
        maxRestarts[p] = HealthAction.DEFAULT_RESTARTS;
        onFailure[p] = HealthAction.RESTART;
        escalation[p] = Criticality.isCritical(level) ? HealthAction.SAFE_STATE : HealthAction.STOP;
        return p;
    }

    /**
     * Sets partition p's health policy: boot timeout (0 = none), fault-storm limit (0 = none),
     * counting window, restarts allowed per window, reaction to a failure and escalation.
     */
    public SystemImageBuilder health(int p, long bootTimeout, int faults, long windowNs, int restarts, int action,
                          int escalate) {
        bootTimeoutNs[p] = bootTimeout;
        faultLimit[p] = faults;
        healthWindowNs[p] = windowNs;
        maxRestarts[p] = restarts;
        onFailure[p] = action;
        escalation[p] = escalate;
        return this;
    }

    /** Sets partition p's interrupt-storm limit: interrupts per line per health window, 0 = none. */
    public SystemImageBuilder irqLimit(int p, int interrupts) {
        irqLimit[p] = interrupts;
        return this;
    }

    /**
     * Gives partition p a golden image of {@code size} bytes kept at {@code store} (monitor
     * memory) and copied to {@code load} (its own memory); its digest is the one set by
     * {@link #digest}.
     */
    public SystemImageBuilder image(int p, long store, int size, long load) {
        images.store[p] = store;
        images.size[p] = size;
        images.load[p] = load;
        return this;
    }

    /**
     * Lets partition {@code by} update partition p over the air: slot A is p's golden image store,
     * slot B at {@code slotBase} (monitor memory), each up to {@code maxSize} bytes; updates are
     * signed with the Ed25519 key {@code key} (32 raw bytes); the golden image has version
     * {@code version}; a new image is on trial for {@code trial} ns after its switch. [impl->dsn~kernel.update.slots~1]
     */
    public SystemImageBuilder update(int p, int by, long slotBase, int maxSize, byte[] key, long version,
            long trial) {
        if (key.length != UpdateReason.KEY_BYTES) {
            throw new IllegalArgumentException("key must be " + UpdateReason.KEY_BYTES + " bytes");
        }
        images.by[p] = by;
        images.slotB[p] = slotBase;
        images.slotMax[p] = maxSize;
        System.arraycopy(key, 0, images.key, p * UpdateReason.KEY_BYTES, UpdateReason.KEY_BYTES);
        images.version[p] = version;
        images.trialNs[p] = trial;
        return this;
    }

    /** Sets the partition's 32-byte image digest. */
    public SystemImageBuilder digest(int p, byte[] sha256) {
        if (sha256.length != DIGEST_BYTES) {
            throw new IllegalArgumentException("digest must be " + DIGEST_BYTES + " bytes");
        }
        System.arraycopy(sha256, 0, images.digest, p * DIGEST_BYTES, DIGEST_BYTES);
        return this;
    }

    /** Adds a memory region to the most recently added partition p. */
    public SystemImageBuilder region(int p, long base, long size, int perms) {
        if (p != partitionCount - 1) {
            throw new IllegalArgumentException("regions must follow their partition");
        }
        if (regionTotal >= REGIONS_MAX || regionCount[p] >= REGIONS_PER_PARTITION_MAX) {
            throw new IllegalArgumentException("too many memory regions");
        }
        regionBase[regionTotal] = base;
        regionSize[regionTotal] = size;
        regionPerms[regionTotal] = perms;
        regionTotal++;
        regionCount[p]++;
        return this;
    }

    /** Assigns a device (an MMIO window) exclusively to partition p; returns its index. */
    public int device(int p, String deviceName, long base, long size) {
        if (deviceTotal >= DEVICES_MAX) {
            throw new IllegalArgumentException("more than " + DEVICES_MAX + " devices");
        }
        int d = deviceTotal++;
        this.deviceName[d] = deviceName;
        deviceBase[d] = base;
        deviceSize[d] = size;
        deviceOwner[d] = p;
        return d;
    }

    /** Routes interrupt line l to partition p on the given core with a priority (1 = lowest). */
    public SystemImageBuilder line(int p, int l, int core, int priority) {
        if (l <= 0 || l >= LINES_MAX) {
            throw new IllegalArgumentException("interrupt line " + l + " outside 1.." + (LINES_MAX - 1));
        }
        if (lineOwner[l] != NO_PARTITION && duplicateLine == 0) {
            duplicateLine = l;
        }
        lineOwner[l] = p;
        lineCore[l] = core;
        linePriority[l] = priority;
        return this;
    }

    /**
     * Adds a one-way channel from partition {@code sender} to {@code receiver} whose ring of
     * {@code slots} slots of {@code slotSize} payload bytes lives at [base, base+regionSize) in
     * monitor-owned memory; {@code doorbell} is a line of the receiver or
     * {@link ChannelLayout#NO_DOORBELL}; {@code full} a full-ring policy. @return its id.
     *
     * [impl->dsn~channel.table~1]
     */
    public int channel(String channelName, int sender, int receiver, long base, long regionSize, int slotSize,
                       int slots, int doorbell, int full) {
        if (channels.total >= SystemImage.CHANNELS_MAX) {
            throw new IllegalArgumentException("more than " + SystemImage.CHANNELS_MAX + " channels");
        }
        int c = channels.total++;
        channels.name[c] = channelName;
        channels.sender[c] = sender;
        channels.receiver[c] = receiver;
        channels.base[c] = base;
        channels.regionSize[c] = regionSize;
        channels.slotSize[c] = slotSize;
        channels.slots[c] = slots;
        channels.doorbell[c] = doorbell;
        channels.full[c] = full;
        channels.crc[c] = ChannelLayout.CRC32;
        return c;
    }

    /**
     * Sets channel c's end-to-end protection parameters, which the kernel only hands to the
     * endpoints (CHANNEL_INFO): data id, maximum age in ns and counter window.
     *
     * [impl->dsn~channel.table~1]
     */
    public SystemImageBuilder channelProtection(int c, long dataId, long maxAgeNs, int window) {
        channels.dataId[c] = dataId;
        channels.maxAgeNs[c] = maxAgeNs;
        channels.window[c] = window;
        return this;
    }

    /**
     * Sets the width of channel c's end-to-end CRC, {@link ChannelLayout#CRC32} (the default) or
     * {@link ChannelLayout#CRC64}; it fixes the header room of each slot. The boot check refuses
     * any other width.
     *
     * [impl->dsn~channel.layout~2]
     */
    public SystemImageBuilder channelCrc(int c, int bits) {
        channels.crc[c] = bits;
        return this;
    }

    /**
     * Adds an access-control entry of a mediated device: partition {@code p} may reach the 32-bit
     * register at byte {@code offset} of device {@code d} in the directions of {@code access}
     * (Access.READ, Access.WRITE bits) through DEVICE_READ / DEVICE_WRITE; a written value must
     * have no bit outside {@code mask} and lie in [min, max]; at most {@code rate} accesses per
     * {@code windowNs} (rate 0: no limit). @return the entry's index.
     *
     * [impl->dsn~kernel.device.acl~1]
     */
    public int aclEntry(int p, int d, int offset, int access, long mask, long min, long max, int rate,
                        long windowNs) {
        return acl.add(p, d, offset, access, mask, min, max, rate, windowNs);
    }

    /**
     * Gives access-control entry {@code e} a preset: the kernel writes {@code value} to its register
     * at boot, before any partition runs. [impl->dsn~kernel.device.preset~1]
     */
    public SystemImageBuilder aclPreset(int e, long value) {
        acl.preset[e] = value;
        return this;
    }

    /**
     * Gives partition p snapshots (restore points) of its writable regions, its vCPUs' contexts and
     * its kept device and guest state: at its first heartbeat when {@code atBoot}, at the first
     * heartbeat {@code periodNs} or more after the last one (0: never), once at the first heartbeat at
     * or after {@code atNs} (-1: never), and when {@code requester} asks (MonitorCall.SNAPSHOT;
     * NO_PARTITION: nobody). [impl->dsn~kernel.snapshot.take~1]
     */
    public SystemImageBuilder snapshot(int p, boolean atBoot, long atNs, long periodNs, int requester) {
        snapshots.enabled[p] = true;
        snapshots.atNs[p] = atNs;
        snapshots.atBoot[p] = atBoot;
        snapshots.periodNs[p] = periodNs;
        snapshots.by[p] = requester;
        return this;
    }

    public SystemImage build() { return new SystemImage(this); }
}
