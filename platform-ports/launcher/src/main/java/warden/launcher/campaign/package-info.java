/**
 * Fault-injection campaigns: N runs of one system, each with one seeded fault (model, partition,
 * time), what the monitor did about it (detected, recovered or contained, and how fast), the
 * per-model summary, the {@code warden.campaign/1} JSON report with shards and merge, and the SVG
 * chart.
 *
 * <p>Lives here: {@code Campaign} (runs and replays), {@code FaultInjector} (the fault models),
 * {@code Verdict} and {@code RunOutcome} (what one run showed), {@code CampaignSummary},
 * {@code CampaignJson}, {@code CampaignChart}. Depends on the run pipeline ({@code ..run}), the
 * description model ({@code ..config}), the report writer ({@code ..report}), the emulation core
 * and the kernel's {@code api}; used by {@code ..cli} only.
 */
package warden.launcher.campaign;
