package warden.emu;

import java.util.List;

/**
 * Figures a board measures that only its architecture has (x86: how long an SMI stalls the rich
 * OS on each core, how late the safety partition's tick arrives). A board that has such figures
 * implements this; the run report lists them under {@code targetMetrics}.
 */
public interface TargetMetrics {
    /** One measured quantity on one core (core -1: the whole board), in virtual nanoseconds. */
    record Metric(String name, int core, long count, long minNs, long meanNs, long maxNs, String description) {
    }

    List<Metric> metrics();
}
