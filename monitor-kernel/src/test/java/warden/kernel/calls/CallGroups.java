package warden.kernel.calls;

import warden.kernel.FakePlatform;
import warden.kernel.api.Access;
import warden.kernel.api.Counter;
import warden.kernel.api.Criticality;
import warden.kernel.api.HealthAction;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.boot.GoldenImages;
import warden.kernel.health.Health;
import warden.kernel.health.PartitionTable;
import warden.kernel.health.RestorePoints;
import warden.kernel.log.EventLog;
import warden.kernel.sched.Scheduler;

/** The monitor-call groups of one image, over a fake port with as many cores as the image, unbooted otherwise. */
final class CallGroups {
    static final long SNAPSHOT_RAM = 0x8000_0000L;
    final CallerMemory owned;
    final ConsoleCalls console;
    final EventCalls events;
    final VcpuCalls vcpus;
    final PartitionCalls partitions;
    final TimeCalls time;
    final ChannelCalls channels;
    final DeviceCalls devices;
    final EventLog log;
    final long[] counters;
    final MonitorCalls all;
    final PartitionTable table;
    final FakePlatform platform;
    final RestorePoints points;
    final Health health;
    final SnapshotCalls snapshots;

    /**
     * p0 (ASIL-C, 8 KiB read-write at {@link #SNAPSHOT_RAM}, stops on failure) has snapshots, at its
     * first heartbeat when {@code atBoot}, that p2 may request; p1 and p2 are privileged QM partitions.
     */
    static CallGroups withSnapshots(boolean atBoot) {
        SystemImageBuilder b = SystemImage.builder(1).monitor(0x7000_0000L, 0x1000);
        b.partition("p0", Criticality.ASIL_C, 1, SNAPSHOT_RAM, 0, false);
        b.region(0, SNAPSHOT_RAM, 0x2000, Access.READ | Access.WRITE);
        b.partition("p1", Criticality.QM, 1, SNAPSHOT_RAM + 0x4000, 0, true);
        b.region(1, SNAPSHOT_RAM + 0x4000, 0x1000, Access.ALL);
        b.partition("p2", Criticality.QM, 1, SNAPSHOT_RAM + 0x8000, 0, true);
        b.region(2, SNAPSHOT_RAM + 0x8000, 0x1000, Access.ALL);
        b.snapshot(0, atBoot, -1, 0, 2);
        b.health(0, 0, 0, 1_000_000L, 0, HealthAction.STOP, HealthAction.STOP);
        return new CallGroups(b.build());
    }

    CallGroups(SystemImage img) {
        FakePlatform f = new FakePlatform(img.coreCount());
        log = new EventLog();
        counters = new long[Counter.COUNT];
        Scheduler sched = new Scheduler(img, f, f, f, counters, log);
        table = new PartitionTable(img);
        platform = f;
        points = new RestorePoints(img, sched, f, log, counters, f.contextWords());
        health = new Health(img, sched, f, new GoldenImages(img, f), log, counters, table, points);
        Reply reply = new Reply(f);
        owned = new CallerMemory(img);
        console = new ConsoleCalls(owned, reply, f, f);
        events = new EventCalls(img, owned, reply, log, f);
        vcpus = new VcpuCalls(img, owned, reply, sched, f);
        partitions = new PartitionCalls(img, reply, table, health, log, f, points);
        snapshots = new SnapshotCalls(img, reply, table, points);
        time = new TimeCalls(reply, f, sched.timers());
        channels = new ChannelCalls(img, reply, table.channels(), sched, f, f, log);
        devices = new DeviceCalls(img, reply, f, f, log);
        all = new MonitorCalls(img, f, sched, health, table, log, counters, points);
    }
}
