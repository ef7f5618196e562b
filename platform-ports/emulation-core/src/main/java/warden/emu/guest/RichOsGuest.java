package warden.emu.guest;

import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.SplitMix64;
import warden.kernel.api.MonitorCall;

/**
 * A rich-OS vCPU model: boots, then alternates long compute bursts with idle gaps (seeded random
 * lengths), keeps its own periodic timer tick, and handles a stream of device interrupts with a
 * short handler. While idle it yields the core. The vCPU marked {@code primary} prints and sends
 * the heartbeat. Given channels ({@link #setChannels}), the primary vCPU consumes the frames of each
 * channel where it is the receiver at its tick and on the channel's doorbell, and when it accepted
 * any, sends one command frame (echoing the last sequence number received) on each channel where it
 * is the sender. Given a {@link MediatedCan} ({@link #setMediatedCan}), the primary vCPU sends its
 * CAN frames through the monitor when they are due, between bursts and idle gaps.
 *
 * [impl->dsn~emu.guest.rich-os~1]
 * [impl->dsn~emu.guest.can-mediated~1]
 * [impl->dsn~emu.guest.channels~2]
 */
public final class RichOsGuest implements Executor, warden.emu.Restartable, warden.emu.Faultable,
        warden.emu.ChannelFaultable {
    private static final long TICK_WORK_NS = 5_000;

    private final String name;
    private final boolean primary;
    private final long tickNs;
    private final long burstMin;
    private final long burstMax;
    private final long idleMin;
    private final long idleMax;
    private final int isrLine;
    private final long isrWorkNs;
    private final long buffer;
    private final SplitMix64 random;
    private final FaultState faults0 = new FaultState();
    private final long bootNs;
    private long bootLeft;
    private boolean booted;
    private long burstLeft;
    private long idleUntil;
    private long nextTick;
    private int tickQueued;
    private long handlerLeft;
    private int isrQueued;
    private CanDriver can;
    private NicDriver nic;
    private long isrHandled;
    private long ticks;
    private long computedNs;
    private long faults;
    private GuestChannels channels = new GuestChannels(new int[0]);
    private boolean rxPending;
    private long commands;
    private MediatedCan canTx;
    private UpdateSender update;

    public RichOsGuest(String name, boolean primary, long bootNs, long tickNs, long burstMin, long burstMax,
                       long idleMin, long idleMax, int isrLine, long isrWorkNs, long buffer, long seed) {
        this.name = name;
        this.primary = primary;
        this.bootNs = bootNs;
        this.bootLeft = bootNs;
        this.tickNs = tickNs;
        this.burstMin = burstMin;
        this.burstMax = burstMax;
        this.idleMin = idleMin;
        this.idleMax = idleMax;
        this.isrLine = isrLine;
        this.isrWorkNs = isrWorkNs;
        this.buffer = buffer;
        this.random = new SplitMix64(seed);
    }

    /** The channels this rich OS uses (its primary vCPU only); none by default. Call before it runs. */
    public void setChannels(int[] ids) {
        channels = new GuestChannels(ids);
    }

    @Override
    public String kind() {
        return "rich-os";
    }

    @Override
    public int run(GuestCpu cpu) {
        for (long budget = cpu.budget(); budget > 0; budget = cpu.budget()) {
            if (faults0.step(cpu, budget)) {
                continue;
            }
            if (handlerLeft > 0 || isrQueued > 0 || tickQueued > 0) {
                runHandler(cpu, budget);
            } else if (!booted) {
                runBoot(cpu, budget);
            } else if (rxPending) {
                rxPending = false;
                exchange(cpu);
            } else if (canTx != null && cpu.now() >= canTx.due()) {
                canTx.send(cpu);
            } else if (update != null && cpu.now() >= update.due()) {
                update.step(cpu);
            } else if (burstLeft > 0) {
                long step = Math.min(burstLeft, Math.min(budget, untilCan(cpu)));
                cpu.advance(step);
                burstLeft -= step;
                computedNs += step;
                if (burstLeft == 0) {
                    idleUntil = cpu.now() + random.between(idleMin, idleMax);
                }
            } else if (cpu.now() >= idleUntil) {
                burstLeft = random.between(burstMin, burstMax);
                // The wake-up at the end of the idle gap used the timer: arm it for the next tick.
                cpu.call(MonitorCall.SET_TIMER, nextTick, 0);
            } else {
                cpu.call(MonitorCall.SET_TIMER, Math.min(Math.min(idleUntil, nextTick), canDue()), 0);
                cpu.call(MonitorCall.YIELD, 0, 0);
            }
        }
        return cpu.attached() ? EXIT_BUDGET : EXIT_DETACHED;
    }

    /** @return when the next mediated CAN frame or update step is due, Long.MAX_VALUE without one. */
    private long canDue() {
        long u = update == null ? Long.MAX_VALUE : update.due();
        return canTx == null ? u : Math.min(u, canTx.due());
    }

    /** @return the time until the next mediated CAN frame is due (at least 1 ns), Long.MAX_VALUE without one. */
    private long untilCan(GuestCpu cpu) {
        long due = canDue();
        return due == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, due - cpu.now());
    }

    private void runHandler(GuestCpu cpu, long budget) {
        if (handlerLeft == 0) {
            if (tickQueued > 0) {
                tickQueued--;
                handlerLeft = TICK_WORK_NS;
                tickBookkeeping(cpu);
            } else {
                isrQueued--;
                if (can != null) {
                    can.service(cpu);
                }
                if (nic != null) {
                    nic.service(cpu);
                }
                handlerLeft = isrWorkNs;
                isrHandled++;
            }
        }
        long step = Math.min(handlerLeft, budget);
        cpu.advance(step);
        handlerLeft -= step;
    }

    private void tickBookkeeping(GuestCpu cpu) {
        ticks++;
        long now = cpu.now();
        while (nextTick <= now) {
            nextTick += tickNs;
        }
        if (primary) {
            cpu.call(MonitorCall.HEARTBEAT, 0, 0);
            exchange(cpu);
        }
        cpu.call(MonitorCall.SET_TIMER, burstLeft > 0 ? nextTick : Math.min(idleUntil, nextTick), 0);
    }

    /** Consumes the sensor frames; if any was accepted, answers with one command on each sending end. */
    private void exchange(GuestCpu cpu) {
        if (channels.consume(cpu) > 0) {
            channels.publish(cpu, commands++, channels.lastValue());
        }
    }

    private void runBoot(GuestCpu cpu, long budget) {
        long step = Math.min(bootLeft, budget);
        cpu.advance(step);
        bootLeft -= step;
        if (bootLeft > 0) {
            return;
        }
        booted = true;
        if (primary) {
            GuestIo.print(cpu, buffer, name + ": booted on core " + cpu.core());
            cpu.call(MonitorCall.HEARTBEAT, 0, 0);
            channels.open(cpu);
            if (can != null) {
                can.init(cpu);
            }
            if (nic != null) {
                nic.init(cpu);
            }
            if (canTx != null) {
                canTx.start(cpu.now());
            }
        }
        nextTick = cpu.now() + tickNs;
        cpu.call(MonitorCall.SET_TIMER, nextTick, 0);
        burstLeft = random.between(burstMin, burstMax);
    }

    /**
     * The driver of the CAN controller its interrupt handler serves (its primary vCPU programs it at
     * boot); none by default. Call before it runs. [impl->dsn~emu.guest.can-driver~1]
     */
    public void setCanDriver(CanDriver driver) {
        can = driver;
    }

    /**
     * The driver of the NIC its interrupt handler serves (its primary vCPU programs it at boot);
     * none by default. Call before it runs. [impl->dsn~emu.guest.nic-driver~1]
     */
    public void setNicDriver(NicDriver driver) {
        nic = driver;
    }

    /** @return the NIC driver given, or null. */
    public NicDriver nicDriver() {
        return nic;
    }

    /**
     * The CAN frames its primary vCPU sends through the monitor's mediated device calls; none by
     * default. Call before it runs. [impl->dsn~emu.guest.can-mediated~1]
     */
    public void setMediatedCan(MediatedCan tx) {
        canTx = tx;
    }

    /**
     * The over-the-air update its primary vCPU sends through the monitor's update calls once booted;
     * none by default. Call before it runs. [impl->dsn~emu.guest.updater~1]
     */
    public void setUpdateSender(UpdateSender sender) {
        update = primary ? sender : null;
    }

    /** @return the update sender given, or null. */
    public UpdateSender updateSender() {
        return update;
    }

    /** @return the mediated CAN transmitter given, or null. */
    public MediatedCan mediatedCan() {
        return canTx;
    }

    /** @return the CAN driver given, or null. */
    public CanDriver canDriver() {
        return can;
    }

    @Override
    public void onInterrupt(int line, long nowNs) {
        if (line == isrLine) {
            isrQueued++;
        }
        if (booted && primary && channels.doorbell(line)) {
            rxPending = true;
        }
    }

    @Override
    public void onTimer(long nowNs) {
        if (booted && nowNs >= nextTick) {
            tickQueued++;
        }
    }

    @Override
    public void onFault(int cause, long address, long nowNs) {
        faults++;
    }

    /**
     * A rich OS keeps no checked data the monitor could see: memory corruption flips a bit of a word
     * in its RAM, silently, and deadline overruns do not apply.
     */
    @Override
    public boolean inject(int model, long address, long nowNs) {
        if (model == warden.emu.FaultModel.MEMORY_CORRUPTION) {
            faults0.corrupt(address);
            return true;
        }
        return faults0.inject(model, address);
    }

    /** Starts again from boot: nothing in flight survives. */
    @Override
    public void restart(long nowNs) {
        bootLeft = bootNs;
        booted = false;
        burstLeft = 0;
        idleUntil = 0;
        nextTick = 0;
        tickQueued = 0;
        handlerLeft = 0;
        isrQueued = 0;
        rxPending = false;
        if (canTx != null) {
            canTx.stop();
        }
        faults0.reset();
    }

    public boolean booted() { return booted; }
    public long isrHandled() { return isrHandled; }
    public long ticks() { return ticks; }
    public long computedNs() { return computedNs; }
    public long faults() { return faults; }
    /** @return how many channels it was given. */
    public int channelCount() { return channels.count(); }
    /** @return the counts of the i-th channel given, null until it is open (or if the kernel refused it). */
    public warden.emu.channel.ChannelStats channelStats(int i) { return channels.stats(i); }

    @Override
    public boolean injectChannel(int model, int channel, long nowNs) {
        return channels.inject(model, channel, nowNs);
    }

    @Override
    public warden.emu.channel.ChannelStats channelEndStats(int channel) {
        warden.emu.channel.ChannelEnd e = channels.end(channel);
        return e == null ? null : e.stats();
    }

    @Override
    public void bypassChecks() {
        channels.bypassChecks();
    }
}
