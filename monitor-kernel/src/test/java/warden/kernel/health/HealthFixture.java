package warden.kernel.health;

import java.util.ArrayList;
import java.util.List;
import warden.kernel.FakePlatform;
import warden.kernel.log.EventLog;
import warden.kernel.api.Counter;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.boot.GoldenImages;
import warden.kernel.sched.Scheduler;

/**
 * The health monitor on its own, over a real scheduler and a two-core fake port: the tables the
 * kernel would hand it, and a start that boots them from an image and starts every partition at
 * time 0 (core 0 scheduled before core 1).
 */
abstract class HealthFixture {
    final FakePlatform f = new FakePlatform(2);
    final long[] counters = new long[Counter.COUNT];
    final EventLog log = new EventLog();
    PartitionTable table;
    Scheduler sched;
    Health h;
    RestorePoints points;

    /** @return each logged record of {@code kind} as "p{partition} {a}/{b}", oldest first. */
    List<String> logged(int kind) {
        List<String> out = new ArrayList<>();
        for (long s = log.oldest(); s < log.sequence(); s++) {
            if (log.kind(s) == kind) {
                out.add("p" + log.partition(s) + " " + log.a(s) + "/" + log.b(s));
            }
        }
        return out;
    }

    void start(SystemImageBuilder b) {
        SystemImage img = b.build();
        table = new PartitionTable(img);
        sched = new Scheduler(img, f, f, f, counters, log);
        points = new RestorePoints(img, sched, f, log, counters, f.contextWords());
        h = new Health(img, sched, f, new GoldenImages(img, f), log, counters, table, points);
        for (int p = 0; p < img.partitionCount(); p++) {
            h.started(p, 0);
        }
        sched.reschedule(0);
        sched.reschedule(1);
    }
}
