package warden.launcher.config;

import java.util.List;

/**
 * A periodic-task RTOS: boot work, a timer tick (one heartbeat per tick), 1 to 16 tasks, and an
 * optional interrupt service routine (null when absent).
 */
public record RtosSpec(long bootNs, long tickNs, List<TaskSpec> tasks, IsrSpec isr, Loc loc)
        implements WorkloadSpec {
    public RtosSpec {
        tasks = List.copyOf(tasks);
    }
}
