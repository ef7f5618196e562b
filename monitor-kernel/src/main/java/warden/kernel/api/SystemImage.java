package warden.kernel.api;

import warden.kernel.api.rules.BootPhase;

/**
 * The frozen, plain-data description of a system that the kernel boots: partitions with their
 * criticality, cores, memory regions, devices and interrupt lines, and the monitor's own reserved
 * memory. Built once by {@link SystemImageBuilder} before boot; never changed after. All tables are
 * primitive arrays indexed by small integer ids; {@link #NO_PARTITION} stands in for "none".
 *
 * <p>A SystemImage is not trusted: the kernel validates it again at boot (see
 * {@code warden.kernel.boot.ImageCheck}).
 *
 * [impl->dsn~kernel.image~1]
 */
// Index reasoning: plain-data accessors indexed by partition, region, device and line ids; the kernel
// passes only ids below the counts that ImageCheck validated at boot against the table sizes (*_MAX), and
// the builder checks every table bound before it writes.
// justification: ids below the counts ImageCheck validated at boot; the builder checks every bound it writes
@SuppressWarnings("index")
public final class SystemImage {
    public static final int NO_PARTITION = -1;
    public static final int PARTITIONS_MAX = 16;
    public static final int CORES_MAX = 16;
    public static final int REGIONS_PER_PARTITION_MAX = 16;
    public static final int REGIONS_MAX = PARTITIONS_MAX * 4;
    public static final int DEVICES_MAX = 64;
    public static final int LINES_MAX = 128;
    public static final int DIGEST_BYTES = 32;
    /** Largest golden image of one partition, in bytes. */
    public static final int IMAGE_BYTES_MAX = 1 << 20;
    public static final int NAME_MAX = 32;
    /** Most channels of one system. */
    public static final int CHANNELS_MAX = 16;

    final int coreCount;
    final long monitorBase;
    final long monitorSize;
    final int partitionCount;
    final String[] name;
    final int[] criticality;
    final int[] coreMask;
    final long[] entry;
    final long[] watchdogNs;
    final boolean[] privileged;
    final long[] bootTimeoutNs;
    final int[] faultLimit;
    final int[] irqLimit;
    final long[] healthWindowNs;
    final int[] maxRestarts;
    final int[] onFailure;
    final int[] escalation;
    final int[] regionFirst;
    final int[] regionCount;
    final long[] regionBase;
    final long[] regionSize;
    final int[] regionPerms;
    final int deviceTotal;
    final String[] deviceName;
    final long[] deviceBase;
    final long[] deviceSize;
    final int[] deviceOwner;
    final int[] lineOwner;
    final int[] lineCore;
    final int[] linePriority;
    final int duplicateLine;
    final ChannelTable channels;
    final DeviceAclTable acl;
    final ImageTable images;
    final SnapshotTable snapshots;

    SystemImage(SystemImageBuilder b) {
        channels = b.channels.copy();
        acl = b.acl.copy();
        images = b.images.copy();
        snapshots = b.snapshots.copy();
        duplicateLine = b.duplicateLine;
        coreCount = b.coreCount;
        monitorBase = b.monitorBase;
        monitorSize = b.monitorSize;
        partitionCount = b.partitionCount;
        name = b.name.clone();
        criticality = b.criticality.clone();
        coreMask = b.coreMask.clone();
        entry = b.entry.clone();
        watchdogNs = b.watchdogNs.clone();
        privileged = b.privileged.clone();
        bootTimeoutNs = b.bootTimeoutNs.clone();
        faultLimit = b.faultLimit.clone();
        irqLimit = b.irqLimit.clone();
        healthWindowNs = b.healthWindowNs.clone();
        maxRestarts = b.maxRestarts.clone();
        onFailure = b.onFailure.clone();
        escalation = b.escalation.clone();
        regionFirst = b.regionFirst.clone();
        regionCount = b.regionCount.clone();
        regionBase = b.regionBase.clone();
        regionSize = b.regionSize.clone();
        regionPerms = b.regionPerms.clone();
        deviceTotal = b.deviceTotal;
        deviceName = b.deviceName.clone();
        deviceBase = b.deviceBase.clone();
        deviceSize = b.deviceSize.clone();
        deviceOwner = b.deviceOwner.clone();
        lineOwner = b.lineOwner.clone();
        lineCore = b.lineCore.clone();
        linePriority = b.linePriority.clone();
    }

    @BootPhase("builds an image before boot")
    public static SystemImageBuilder builder(int coreCount) {
        return new SystemImageBuilder(coreCount);
    }

    public int coreCount() { return coreCount; }
    public long monitorBase() { return monitorBase; }
    public long monitorSize() { return monitorSize; }
    public int partitionCount() { return partitionCount; }
    public String name(int p) { return name[p]; }
    public int criticality(int p) { return criticality[p]; }
    /** @return bit c set when the partition runs on core c. */
    public int coreMask(int p) { return coreMask[p]; }
    public long entry(int p) { return entry[p]; }
    /** @return byte i of the partition's image digest (SHA-256). */
    public int digestByte(int p, int i) { return images.digest[p * DIGEST_BYTES + i] & 0xff; }
    /** @return where the partition's golden image is kept, in the monitor's memory. */
    public long imageStore(int p) { return images.store[p]; }
    /** @return the golden image's size in bytes; 0 when the partition has none (no check, no copy). */
    public int imageSize(int p) { return images.size[p]; }
    /** @return where the golden image is copied to, in the partition's own memory, at boot and restart. */
    public long imageLoad(int p) { return images.load[p]; }
    public long watchdogNs(int p) { return watchdogNs[p]; }
    public boolean privileged(int p) { return privileged[p]; }
    /** @return the time a (re)started partition has to send its first heartbeat, 0 for no limit. */
    public long bootTimeoutNs(int p) { return bootTimeoutNs[p]; }
    /** @return access faults within one health window that count as a fault storm, 0 for no limit. */
    public int faultLimit(int p) { return faultLimit[p]; }
    /**
     * @return interrupts of one of the partition's lines accepted within one health window before
     *     the kernel masks the line for the rest of the window (an interrupt storm), 0 for no limit.
     */
    public int irqLimit(int p) { return irqLimit[p]; }
    /** @return the window over which faults and restarts are counted. */
    public long healthWindowNs(int p) { return healthWindowNs[p]; }
    /** @return restarts allowed within one health window before escalation. */
    public int maxRestarts(int p) { return maxRestarts[p]; }
    /** @return the reaction to a detected failure (HealthAction id). */
    public int onFailure(int p) { return onFailure[p]; }
    /** @return the reaction when restarts are exhausted (HealthAction id). */
    public int escalation(int p) { return escalation[p]; }
    /**
     * @return the partition that may update p over the air, or NO_PARTITION (no update section).
     *     [impl->dsn~kernel.update.slots~1]
     */
    public int updateBy(int p) { return images.by[p]; }
    /** @return where p's slot B is kept, in the monitor's memory (slot A is the golden image store). */
    public long slotB(int p) { return images.slotB[p]; }
    /** @return the largest image either slot of p holds. */
    public int slotMax(int p) { return images.slotMax[p]; }
    /** @return byte i of the Ed25519 public key p's updates are signed with. */
    public int updateKeyByte(int p, int i) { return images.key[p * UpdateReason.KEY_BYTES + i] & 0xff; }
    /** @return the version of p's golden image: the anti-rollback counter's value at boot. */
    public long imageVersion(int p) { return images.version[p]; }
    /** @return how long a new image of p is on trial after its switch, in ns. */
    public long trialNs(int p) { return images.trialNs[p]; }
    public int regionCount(int p) { return regionCount[p]; }
    /** @return the global region index of the partition's r-th region. */
    public int region(int p, int r) { return regionFirst[p] + r; }
    /** @return every partition's regions: the builder appends each to the last partition's. */
    public int regionTotal() {
        return partitionCount == 0 ? 0 : regionFirst[partitionCount - 1] + regionCount[partitionCount - 1];
    }
    public long regionBase(int region) { return regionBase[region]; }
    public long regionSize(int region) { return regionSize[region]; }
    public int regionPerms(int region) { return regionPerms[region]; }
    public int deviceTotal() { return deviceTotal; }
    public String deviceName(int d) { return deviceName[d]; }
    public long deviceBase(int d) { return deviceBase[d]; }
    public long deviceSize(int d) { return deviceSize[d]; }
    /** @return the partition a device is assigned to exclusively. */
    public int deviceOwner(int d) { return deviceOwner[d]; }
    /** @return the partition that owns interrupt line l, or NO_PARTITION. */
    public int lineOwner(int l) { return lineOwner[l]; }
    /** @return the core interrupt line l is routed to. */
    public int lineCore(int l) { return lineCore[l]; }
    public int linePriority(int l) { return linePriority[l]; }
    /** @return a line that was routed twice while building, or 0 when none was. */
    public int duplicateLine() { return duplicateLine; }

    /** @return the number of channels; their ids are 0 .. channelTotal()-1. [impl->dsn~channel.table~1] */
    public int channelTotal() { return channels.total; }
    public String channelName(int c) { return channels.name[c]; }
    /** @return the partition that writes channel c's ring. */
    public int channelSender(int c) { return channels.sender[c]; }
    /** @return the partition that reads channel c's ring. */
    public int channelReceiver(int c) { return channels.receiver[c]; }
    /** @return the ring's base physical address, in memory no partition region covers. */
    public long channelBase(int c) { return channels.base[c]; }
    /** @return the ring region's size as the protection unit maps it (at least slots * stride). */
    public long channelRegionSize(int c) { return channels.regionSize[c]; }
    public int channelSlotSize(int c) { return channels.slotSize[c]; }
    public int channelSlots(int c) { return channels.slots[c]; }
    /** @return the receiver's doorbell line, or {@link ChannelLayout#NO_DOORBELL}. */
    public int channelDoorbell(int c) { return channels.doorbell[c]; }
    /** @return the full-ring policy ({@link ChannelLayout#FULL_DROP} or FULL_OVERWRITE). */
    public int channelFull(int c) { return channels.full[c]; }
    public long channelDataId(int c) { return channels.dataId[c]; }
    public long channelMaxAgeNs(int c) { return channels.maxAgeNs[c]; }
    public int channelWindow(int c) { return channels.window[c]; }
    /** @return the width in bits of channel c's end-to-end CRC (32 or 64; the boot check refuses others). */
    public int channelCrc(int c) { return channels.crc[c]; }

    /** @return the number of access-control entries of mediated devices. [impl->dsn~kernel.device.acl~1] */
    public int aclTotal() { return acl.total; }
    /** @return the partition entry e allows. */
    public int aclPartition(int e) { return acl.partition[e]; }
    /** @return the device (index) of entry e. */
    public int aclDevice(int e) { return acl.device[e]; }
    /** @return the byte offset of entry e's 32-bit register in its device's window. */
    public int aclOffset(int e) { return acl.offset[e]; }
    /** @return the directions entry e allows (Access.READ, Access.WRITE bits). */
    public int aclAccess(int e) { return acl.access[e]; }
    /** @return the bits a value written under entry e may set. */
    public long aclMask(int e) { return acl.mask[e]; }
    /** @return the smallest value entry e lets a partition write. */
    public long aclMin(int e) { return acl.min[e]; }
    /** @return the largest value entry e lets a partition write. */
    public long aclMax(int e) { return acl.max[e]; }
    /** @return the accesses entry e allows per window, 0 for no limit. */
    public int aclRate(int e) { return acl.rate[e]; }
    /** @return the length of entry e's rate window in ns. */
    public long aclWindowNs(int e) { return acl.windowNs[e]; }
    /** @return the value the kernel writes to entry e's register at boot, or -1. [impl->dsn~kernel.device.preset~1] */
    public long aclPreset(int e) { return acl.preset[e]; }

    /** @return whether partition p has snapshots (restore points). [impl->dsn~kernel.snapshot.take~1] */
    public boolean snapshot(int p) { return snapshots.enabled[p]; }
    /** @return whether a snapshot is taken at p's first heartbeat after its first start. */
    public boolean snapshotAtBoot(int p) { return snapshots.atBoot[p]; }
    /** @return the least time between periodic snapshots of p, taken at a heartbeat; 0 for none. */
    public long snapshotPeriodNs(int p) { return snapshots.periodNs[p]; }
    /** @return a time at whose first heartbeat at or after it a snapshot of p is taken once; -1 for none. */
    public long snapshotAtNs(int p) { return snapshots.atNs[p]; }
    /** @return the partition that may request a snapshot of p (MonitorCall.SNAPSHOT), or NO_PARTITION. */
    public int snapshotBy(int p) { return snapshots.by[p]; }
}
