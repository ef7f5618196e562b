package warden.launcher.campaign;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import warden.emu.Engine;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.DescriptionValidator;
import warden.launcher.config.LoadResult;
import warden.launcher.config.Problem;
import warden.launcher.config.SystemDescription;
import warden.launcher.report.Summary;
import warden.launcher.run.RunResult;
import warden.launcher.run.SystemRun;
import warden.launcher.run.Targets;

/**
 * What the healing scenarios share: loading a variant of the default system (a variant that does
 * not load or validate is an internal error: the built-in text changed), running it with extra
 * event sources, and reading the run's events, deadline misses and the figures the kernel wrote
 * into its records.
 *
 * [impl->dsn~campaign.scenarios~1]
 */
final class ScenarioRuns {
    private ScenarioRuns() {
    }

    /** @return the description {@code text} as loaded and validated for {@code target}. */
    static SystemDescription load(String text, String target, Path baseDir) {
        LoadResult l = DescriptionLoader.parse(text, "default-system.yaml (scenario)", baseDir);
        List<Problem> problems = l.ok() ? DescriptionValidator.validate(l.description(), Targets.get(target))
                : l.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("scenario variant of the default system is refused: " + problems);
        }
        return l.description();
    }

    /** @return {@code text} with {@code what} replaced by {@code by}; {@code what} must occur in it. */
    static String replace(String text, String what, String by) {
        if (!text.contains(what)) {
            throw new IllegalStateException("the default system no longer contains: " + what.strip());
        }
        return text.replace(what, by);
    }

    /** Runs {@code d} on {@code target} for {@code durationNs} with the sources {@code make} builds. */
    static Ran run(SystemDescription d, String target, long durationNs, Sources make) throws Exception {
        SystemRun run = new SystemRun(d, Targets.get(target), durationNs, d.run().seed(), false);
        return new Ran(run, run.boot(make.of(run)).run());
    }

    /** Builds the extra event sources of a run. */
    interface Sources {
        Engine.Source[] of(SystemRun run);
    }

    /** An event source that does one thing at one virtual time. */
    static final class At implements Engine.Source {
        private final java.util.function.LongConsumer action;
        private long at;

        At(long at, java.util.function.LongConsumer action) {
            this.at = at;
            this.action = action;
        }

        @Override
        public long nextEventNs() {
            return at;
        }

        @Override
        public void fire(long nowNs) {
            at = Long.MAX_VALUE;
            action.accept(nowNs);
        }
    }

    /** A finished run and its result. */
    record Ran(SystemRun run, RunResult result) {
        /** @return the events of {@code kind} of {@code partition}, in time order. */
        List<RunResult.MonitorEvent> events(String kind, String partition) {
            return result.events().stream().filter(e -> e.kind().equals(kind) && partition.equals(e.partition()))
                    .toList();
        }

        /** @return the first event of {@code kind} of {@code partition} at or after {@code fromNs}, or null. */
        RunResult.MonitorEvent first(String kind, String partition, long fromNs) {
            return events(kind, partition).stream().filter(e -> e.timeNs() >= fromNs).findFirst().orElse(null);
        }

        RunResult.PartitionResult partition(String name) {
            return result.partitions().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        }

        /** @return the monitor timer faults detected on any core in the run. */
        long timerFaults() {
            return result.events().stream().filter(e -> e.kind().equals("timer-fault")).count();
        }

        /** @return the deadline misses of every critical partition but {@code name}. */
        long otherCriticalMisses(String name) {
            return result.partitions().stream().filter(p -> !p.name().equals(name) && !"QM".equals(p.criticality()))
                    .mapToLong(RunResult.PartitionResult::deadlineMisses).sum();
        }
    }

    /** @return the event as the rows show it: time, kind, partition, detail. */
    static String proof(RunResult.MonitorEvent e) {
        return e == null ? "-" : Summary.time(e.timeNs()) + " " + e.kind() + " (" + e.partition() + "): " + e.detail();
    }

    /** @return the number of group 1 of {@code regex} in {@code detail}, or -1 when it does not match. */
    static long number(String detail, String regex) {
        Matcher m = Pattern.compile(regex).matcher(detail == null ? "" : detail);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
