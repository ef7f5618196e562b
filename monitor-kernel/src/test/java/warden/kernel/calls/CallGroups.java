package warden.kernel.calls;

import warden.kernel.FakePlatform;
import warden.kernel.api.Counter;
import warden.kernel.api.SystemImage;
import warden.kernel.boot.GoldenImages;
import warden.kernel.health.Health;
import warden.kernel.health.PartitionTable;
import warden.kernel.health.RestorePoints;
import warden.kernel.log.EventLog;
import warden.kernel.sched.Scheduler;

/** The monitor-call groups of one image, over a fake port with as many cores as the image, unbooted otherwise. */
final class CallGroups {
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
