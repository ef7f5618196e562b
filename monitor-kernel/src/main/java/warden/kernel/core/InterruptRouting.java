package warden.kernel.core;

import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.PartitionState;
import warden.kernel.api.SystemImage;
import warden.kernel.health.Health;
import warden.kernel.health.PartitionTable;
import warden.kernel.log.EventLog;
import warden.kernel.port.Platform;
import warden.kernel.sched.Scheduler;

/**
 * External interrupts: every pending line of a core is claimed and completed, counted against its
 * owner's storm limit, and delivered to its owner at once when the owner runs on that core, else
 * held for it (waking it) so the scheduler can preempt for a more critical owner. A line with no
 * live owner on that core is logged as unowned. Created at boot.
 *
 * [impl->dsn~kernel.irq.route~1]
 */
// justification: counters has length Counter.COUNT; an owner is NO_PARTITION (checked first) or < partitionCount
@SuppressWarnings("index")
final class InterruptRouting {
    private final SystemImage img;
    private final Platform platform;
    private final Scheduler sched;
    private final Health health;
    private final PartitionTable table;
    private final EventLog log;
    private final long[] counters;

    /** [impl->dsn~kernel.boot~1] */
    InterruptRouting(SystemImage img, Platform platform, Scheduler sched, Health health, PartitionTable table,
            EventLog log, long[] counters) {
        this.img = img;
        this.platform = platform;
        this.sched = sched;
        this.health = health;
        this.table = table;
        this.log = log;
        this.counters = counters;
    }

    /**
     * Claims, routes and completes every pending line of {@code core}, then reschedules it.
     *
     * [impl->dsn~kernel.irq.route~1]
     */
    void claimAll(int core) {
        int lines = platform.interrupts().lineCount();
        int handled = 0;
        for (int i = 0; i < lines; i++) {
            int line = platform.interrupts().claim(core);
            if (line <= 0) {
                break;
            }
            handled++;
            counters[Counter.INTERRUPTS]++;
            platform.interrupts().complete(core, line);
            routeClaimed(core, line);
        }
        if (handled == 0) {
            counters[Counter.SPURIOUS_INTERRUPTS]++;
            return;
        }
        sched.reschedule(core);
    }

    /** [impl->dsn~kernel.irq.route~1] */
    private void routeClaimed(int core, int line) {
        int owner = line < SystemImage.LINES_MAX ? img.lineOwner(line) : SystemImage.NO_PARTITION;
        if (owner == SystemImage.NO_PARTITION || img.lineCore(line) != core
                || table.state(owner) == PartitionState.STOPPED) {
            log.append(now(core), EventKind.UNOWNED_INTERRUPT, owner, core, line, 0);
            return;
        }
        health.interrupt(owner, line, core, now(core));
        if (sched.running(core) == owner) {
            counters[Counter.DELIVERED_INTERRUPTS]++;
            platform.cpu().deliverInterrupt(core, line);
            return;
        }
        if (sched.held().hold(owner, core, line, now(core))) {
            sched.vcpus().wake(owner, core);
        }
    }

    /** Virtual time of {@code core}, the time stamp of every record. [impl->dsn~kernel.event-log~2] */
    private long now(int core) {
        return platform.timer().now(core);
    }
}
