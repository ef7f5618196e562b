package warden.launcher.run;

import java.util.ArrayList;
import java.util.List;
import warden.emu.Board;
import warden.emu.ConsoleLog;
import warden.emu.DeviceSpec;
import warden.emu.Engine;
import warden.emu.Executor;
import warden.emu.IrqStats;
import warden.emu.PlatformDescription;
import warden.emu.SplitMix64;
import warden.emu.Stimulus;
import warden.emu.Target;
import warden.emu.TraceRecorder;
import warden.emu.dev.can.CanBus;
import warden.emu.dev.can.CanStimulus;
import warden.emu.dev.nic.NicController;
import warden.emu.dev.nic.NicStimulus;
import warden.kernel.Warden;
import warden.kernel.api.Monitor;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.launcher.config.ImageCompiler;
import warden.launcher.config.PartitionSpec;
import warden.launcher.config.StimulusSpec;
import warden.launcher.config.SystemDescription;

/**
 * One run of a validated system description on a target: compile the image, build the board and
 * the guests, boot the kernel, run the engine for the duration, and collect the results.
 *
 * [impl->dsn~run.pipeline~1]
 */
public final class SystemRun {
    /** Thrown when the kernel refuses an image the validator accepted (a defect, not bad input). */
    public static final class BootRefused extends Exception {
        private static final long serialVersionUID = 1L;

        BootRefused(String message) {
            super(message);
        }
    }

    /** Bit time of a CAN stimulus node: 500 kbit/s, the controllers' reset bit timing. */
    static final long CAN_BIT_PS = 2_000_000L;
    /** Data bytes of a CAN stimulus's frames. */
    static final int CAN_DLC = 8;

    private final SystemDescription description;
    private final Target target;
    private final long durationNs;
    private final long seed;
    private final TraceRecorder trace;
    private SystemImage image;
    private Board board;
    private Monitor monitor;
    private Executor[] executors;
    private IrqStats irqStats;
    private ConsoleLog console;
    private Engine engine;

    public SystemRun(SystemDescription description, Target target, long durationNs, long seed, boolean traced) {
        this.description = warden.launcher.config.ElfWorkloads.resolve(description, target.description());
        this.target = target;
        this.durationNs = durationNs;
        this.seed = seed;
        this.trace = new TraceRecorder(target.description().cores(), traced);
    }

    /**
     * The boot loader's part: writes each partition's golden image into the image store in the
     * monitor memory, where the kernel checks it against its digest and copies it at boot.
     */
    private void storeGoldenImages() throws BootRefused {
        for (int p = 0; p < image.partitionCount(); p++) {
            byte[] bytes = description.partitions().get(p).image().content();
            long at = image.imageStore(p);
            for (int i = 0; i < bytes.length; i++) {
                if (board.platform().memory().writeByte(at + i, bytes[i] & 0xff) != 0) {
                    throw new BootRefused("no RAM at " + Long.toHexString(at + i)
                            + " for the golden image of partition '"
                            + image.name(p) + "'");
                }
            }
        }
    }

    /** Builds everything and boots the kernel; nothing runs yet. */
    public SystemRun boot() throws BootRefused {
        return boot(new Engine.Source[0]);
    }

    /**
     * Like {@link #boot()}, with extra event sources the engine runs after the device stimuli
     * (a fault injector, for instance).
     */
    public SystemRun boot(Engine.Source... extra) throws BootRefused {
        PlatformDescription platform = target.description();
        image = ImageCompiler.compile(description, platform);
        int cores = platform.cores();
        executors = new Executor[image.partitionCount() * cores];
        String[] names = new String[image.partitionCount()];
        for (int p = 0; p < image.partitionCount(); p++) {
            PartitionSpec spec = description.partitions().get(p);
            names[p] = spec.name();
            boolean primary = true;
            for (int core : spec.cores()) {
                executors[p * cores + core] = GuestFactory.create(description, p, core, primary, platform, seed,
                        this::loggedDenials);
                primary = false;
            }
        }
        console = new ConsoleLog(names, false);
        irqStats = new IrqStats(platform.lines());
        board = target.build(image, executors, console, irqStats, trace);
        storeGoldenImages();
        monitor = Warden.create(board.platform());
        int st = monitor.boot(image);
        if (st != Status.OK) {
            throw new BootRefused("the kernel refused the image: " + Status.name(st) + " ("
                    + Monitor.imageCheckName(monitor.imageCheckCode()) + ")");
        }
        // with --trace, channel calls also draw their frames' flow arrows [impl->dsn~channel.trace-flows~1]
        board.attach(trace.enabled() ? new ChannelFlows(monitor, board.platform(), image, trace) : monitor);
        List<Engine.Source> all = new ArrayList<>(List.of(board.deviceSources())); // the CAN buses first
        all.addAll(List.of(stimuli(platform)));
        all.addAll(List.of(extra));
        engine = new Engine(board.cores(), all.toArray(new Engine.Source[0]), Engine.DEFAULT_QUANTUM_NS);
        return this;
    }

    /** @return the monitor's count of logged access violations (0 before it exists). */
    private long loggedDenials() {
        return monitor == null ? 0 : monitor.counter(warden.kernel.api.Counter.ACCESS_FAULTS);
    }

    private Engine.Source[] stimuli(PlatformDescription platform) {
        List<Engine.Source> list = new ArrayList<>();
        int i = 0;
        for (StimulusSpec s : description.stimuli()) {
            DeviceSpec d = platform.device(s.device());
            long streamSeed = s.seed() != 0 ? s.seed() : SplitMix64.derive(seed, 1000 + i);
            CanBus can = board.can().bus(d.name());
            NicController nic = board.nic().controller(d.name());
            if (nic != null) { // real frames into the NIC's receive ring [impl->dsn~run.nic-traffic~1]
                list.add(new NicStimulus(nic, s.periodNs(), s.meanIntervalNs(), streamSeed));
            } else if (can != null) { // real traffic: a node on the controller's bus [impl->dsn~run.can-traffic~1]
                CanStimulus node = new CanStimulus(CAN_BIT_PS, streamSeed);
                if (s.periodNs() > 0) {
                    node.addStream(s.canIdOrDefault(), s.extended(), CAN_DLC, s.periodNs(), s.periodNs());
                } else { // [impl->dsn~can.stimulus-sporadic~1]
                    node.addSporadicStream(s.canIdOrDefault(), s.extended(), CAN_DLC, s.meanIntervalNs(), 0);
                }
                can.attach(node);
            } else {
                list.add(new Stimulus(d.line(), s.periodNs(), s.meanIntervalNs(), streamSeed, board.lineInput(),
                        irqStats));
            }
            i++;
        }
        return list.toArray(new Engine.Source[0]);
    }

    /** Starts the mission and runs the engine to the end of the duration. */
    public RunResult run() {
        monitor.start();
        engine.runUntil(durationNs);
        trace.finish(durationNs);
        return new ResultCollector(description, target.description(), image, monitor, executors, irqStats, console)
                .withMetrics(board).collect(durationNs, seed, engine.steps());
    }

    public Monitor monitor() { return monitor; }
    public Board board() { return board; }
    public IrqStats irqStats() { return irqStats; }
    public TraceRecorder trace() { return trace; }
    public Engine engine() { return engine; }
    public SystemImage image() { return image; }
    public Executor executor(int partition, int core) {
        return executors[partition * target.description().cores() + core];
    }
}
