package warden.launcher.run;

import java.util.ArrayList;
import java.util.List;
import warden.emu.Executor;
import warden.emu.guest.HostileCounts;
import warden.emu.guest.HostileGuest;
import warden.launcher.config.HostileSpec;
import warden.launcher.config.PartitionSpec;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.RunResult.Check;

/**
 * The hostile partitions' accounting in the run result, summed over their vCPUs, and the check that
 * fails a run when any hostile access succeeded outside the description's grant, was denied inside
 * it, or was denied without the monitor logging it.
 *
 * [impl->dsn~run.hostile~1]
 */
final class HostileResults {
    private HostileResults() {
    }

    static List<RunResult.HostileResult> collect(SystemDescription d, Executor[] executors, int cores) {
        List<RunResult.HostileResult> out = new ArrayList<>();
        for (int p = 0; p < d.partitions().size(); p++) {
            PartitionSpec spec = d.partitions().get(p);
            if (spec.workload() instanceof HostileSpec) {
                List<HostileCounts> vcpus = new ArrayList<>();
                for (int core : spec.cores()) {
                    if (executors[p * cores + core] instanceof HostileGuest g) {
                        vcpus.add(g.counts());
                    }
                }
                out.add(result(spec.name(), vcpus));
            }
        }
        return out;
    }

    private static RunResult.HostileResult result(String name, List<HostileCounts> vcpus) {
        long[] sum = new long[15];
        List<RunResult.CauseCount> causes = new ArrayList<>();
        List<RunResult.HostileAccess> samples = new ArrayList<>();
        List<RunResult.HostileAccess> last = new ArrayList<>();
        for (HostileCounts c : vcpus) {
            long[] v = {c.total(), c.calls() + c.skippedCalls(), c.callsRefused(), c.ops(HostileGuest.LOAD),
                c.ops(HostileGuest.STORE), c.ops(HostileGuest.FETCH), c.allowed(), c.denied(), c.dropped(),
                c.violations().count(), c.spurious().count(), c.unlogged().count(), c.foreignViolations().count(),
                c.callsUnknown(), c.misanswered().count()};
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
            for (int i = 0; i < c.causes(); i++) {
                add(causes, c.causeCode(i) < 0 ? null : c.causeCode(i), c.causeName(i), c.causeCount(i));
            }
            if (c.otherCauses() > 0) {
                add(causes, Integer.MIN_VALUE, "other causes (more than " + HostileCounts.KEPT + " distinct)",
                        c.otherCauses());
            }
            samples(samples, "violation", c.violations().samples());
            samples(samples, "foreign-violation", c.foreignViolations().samples());
            samples(samples, "spurious-denial", c.spurious().samples());
            samples(samples, "unlogged-denial", c.unlogged().samples());
            samples(samples, "misanswered-call", c.misanswered().samples());
            samples(last, "denial", c.recentDenials());
        }
        long restarts = 0;
        for (HostileCounts c : vcpus) {
            restarts += c.restarts();
        }
        return new RunResult.HostileResult(name, sum[0], sum[1], sum[2], sum[13], sum[14], sum[3], sum[4], sum[5],
                sum[6], sum[7],
                sum[8], causes, sum[9], sum[12], sum[10], sum[11], samples, last, restarts);
    }

    private static void add(List<RunResult.CauseCount> causes, Integer code, String name, long count) {
        for (int i = 0; i < causes.size(); i++) {
            RunResult.CauseCount c = causes.get(i);
            if (java.util.Objects.equals(c.cause(), code)) {
                causes.set(i, new RunResult.CauseCount(code, name, c.count() + count));
                return;
            }
        }
        causes.add(new RunResult.CauseCount(code, name, count));
    }

    private static void samples(List<RunResult.HostileAccess> out, String what, List<HostileCounts.Sample> in) {
        for (HostileCounts.Sample s : in) {
            out.add(new RunResult.HostileAccess(what, s.timeNs(), s.address(), s.size(),
                    what.equals("misanswered-call") ? "call" : ResultCollector.accessName(s.access()), s.cause()));
        }
    }

    /** [impl->dsn~run.hostile~1] */
    static Check check(List<RunResult.HostileResult> hostile) {
        long ops = 0;
        long denied = 0;
        long bad = 0;
        StringBuilder why = new StringBuilder();
        for (RunResult.HostileResult h : hostile) {
            ops += h.operations();
            denied += h.denied();
            long wrong = h.violations() + h.spuriousDenials() + h.unloggedDenials() + h.callsMisanswered();
            bad += wrong;
            if (wrong > 0) {
                why.append(why.length() > 0 ? "; " : "").append(h.partition()).append(": ")
                        .append(h.violations()).append(" accesses outside the grant succeeded (")
                        .append(h.foreignViolations()).append(" reached another partition or the monitor), ")
                        .append(h.spuriousDenials()).append(" granted accesses denied, ")
                        .append(h.unloggedDenials()).append(" denials not logged by the monitor, ")
                        .append(h.callsMisanswered()).append(" unknown calls not answered with the architecture's"
                                + " not-supported code");
            }
        }
        return new Check("hostile-isolation", bad == 0, bad == 0
                ? ops + " hostile operations: every access outside the grant denied (" + denied
                        + " denials, each logged with its cause), every granted access allowed, every unknown call"
                        + " answered with the architecture's not-supported code"
                : why.toString());
    }
}
