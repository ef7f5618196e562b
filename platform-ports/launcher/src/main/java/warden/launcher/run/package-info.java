/**
 * The run pipeline: build the emulated target for a validated description ({@code Targets}),
 * bind each partition's workload to a guest model ({@code GuestFactory}), boot the kernel, run the
 * engine in virtual time ({@code SystemRun}), collect what happened ({@code ResultCollector},
 * {@code IsolationOracle}) and decide the run's checks ({@code RunChecks}). Depends on the kernel's
 * {@code api}/{@code port}, the emulation core and the three ports; never on {@code ..cli}.
 */
package warden.launcher.run;
