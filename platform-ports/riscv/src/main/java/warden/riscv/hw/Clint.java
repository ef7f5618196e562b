package warden.riscv.hw;

import warden.emu.MmioDevice;

/**
 * The CLINT of QEMU {@code virt} (layout: {@link ClintDescriptor}): per-hart {@code msip} and
 * {@code mtimecmp}, and the shared {@code mtime} derived from the emulator's virtual time
 * (RISC-V privileged spec, "Machine Timer (mtime and mtimecmp) Registers"; ACLINT spec).
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@code mtime = floor(nowNs * timebaseHz / 10^9)}, computed without overflow for every
 *       {@code nowNs >= 0} (timebase at most 1 GHz);</li>
 *   <li>the timer of hart h is pending exactly when mtime &ge; mtimecmp[h], unsigned;
 *       mtimecmp resets to all ones (never pending);</li>
 *   <li>{@link #nextTimerNs} is the earliest virtual time at which that holds, so an emulator that
 *       sleeps until it never fires early nor late; {@link #ticksToNs} rounds up,
 *       {@link #nsToTicks} down;</li>
 *   <li>MMIO accesses allocate nothing; malformed ones read 0 and are ignored on write.</li>
 * </ul>
 * Deviation: mtime is read-only here (writes ignored) — the emulator's virtual clock is the
 * time base; the spec's mtime is writable.
 *
 * [impl->dsn~riscv.clint.registers~1] [impl->dsn~riscv.hw.no-allocation~1]
 */
public final class Clint implements MmioDevice {
    public static final long NS_PER_S = 1_000_000_000L;
    public static final long TIMEBASE_MAX_HZ = NS_PER_S;

    private final int hartCount;
    private final long hz;
    private final long[] mtimecmp;
    private final int[] msip;

    /** Boot-time: {@code hartCount} harts (1..4095), timebase in Hz (1..10^9; virt: 10 MHz). */
    public Clint(int hartCount, long timebaseHz) {
        if (hartCount < 1 || hartCount > ClintDescriptor.HARTS_MAX) {
            throw new IllegalArgumentException("CLINT hart count outside 1.." + ClintDescriptor.HARTS_MAX);
        }
        if (timebaseHz < 1 || timebaseHz > TIMEBASE_MAX_HZ) {
            throw new IllegalArgumentException("CLINT timebase outside 1 Hz..1 GHz: " + timebaseHz);
        }
        this.hartCount = hartCount;
        this.hz = timebaseHz;
        this.mtimecmp = new long[hartCount];
        this.msip = new int[hartCount];
        for (int h = 0; h < hartCount; h++) {
            mtimecmp[h] = -1L;
        }
    }

    public int hartCount() {
        return hartCount;
    }

    public long timebaseHz() {
        return hz;
    }

    /** @return mtime at virtual time {@code nowNs}: floor(ns * hz / 1e9); 0 for negative ns. */
    public long nsToTicks(long ns) {
        if (ns <= 0) {
            return 0;
        }
        return (ns / NS_PER_S) * hz + (ns % NS_PER_S) * hz / NS_PER_S;
    }

    /**
     * [impl->dsn~riscv.clint.deadline~1]
     * @return the earliest ns with nsToTicks(ns) &ge; ticks (ticks unsigned): ceil(ticks*1e9/hz);
     *         Long.MAX_VALUE when that is not representable
     */
    public long ticksToNs(long ticks) {
        if (ticks < 0) {
            return Long.MAX_VALUE;
        }
        long q = ticks / hz;
        long r = ticks % hz;
        if (q > (Long.MAX_VALUE - NS_PER_S) / NS_PER_S) {
            return Long.MAX_VALUE;
        }
        return q * NS_PER_S + (r * NS_PER_S + hz - 1) / hz;
    }

    /** @return whether hart h's machine timer interrupt (MTIP) is pending at {@code nowNs}. */
    public boolean timerPending(int hart, long nowNs) {
        if (hart < 0 || hart >= hartCount) {
            return false;
        }
        return Long.compareUnsigned(nsToTicks(nowNs), mtimecmp[hart]) >= 0;
    }

    /** @return whether hart h's machine software interrupt (MSIP) is pending. */
    public boolean softwarePending(int hart) {
        return hart >= 0 && hart < hartCount && (msip[hart] & 1) != 0;
    }

    /**
     * @return the earliest virtual ns at which hart h's timer is pending; MAX_VALUE if never.
     * [impl->dsn~riscv.clint.deadline~1]
     */
    public long nextTimerNs(int hart) {
        if (hart < 0 || hart >= hartCount) {
            return Long.MAX_VALUE;
        }
        return ticksToNs(mtimecmp[hart]);
    }

    /** Sets mtimecmp of hart h (as a 64-bit M-mode store would); ignored for a bad hart. */
    public void setMtimecmp(int hart, long ticks) {
        if (hart >= 0 && hart < hartCount) {
            mtimecmp[hart] = ticks;
        }
    }

    /** @return mtimecmp of hart h; all ones for a bad hart. */
    public long mtimecmp(int hart) {
        return hart >= 0 && hart < hartCount ? mtimecmp[hart] : -1L;
    }

    @Override
    public long read(long offset, int size, long nowNs) {
        int h = ClintDescriptor.msipHart(offset, size, hartCount);
        if (h >= 0) {
            return msip[h] & 1;
        }
        long v;
        h = ClintDescriptor.mtimecmpHart(offset, size, hartCount);
        if (h >= 0) {
            v = mtimecmp[h];
        } else if (ClintDescriptor.isMtime(offset, size)) {
            v = nsToTicks(nowNs);
        } else {
            return 0;
        }
        return size == 8 ? v : (v >>> ClintDescriptor.shift(offset, size)) & 0xFFFF_FFFFL;
    }

    @Override
    public void write(long offset, int size, long value, long nowNs) {
        int h = ClintDescriptor.msipHart(offset, size, hartCount);
        if (h >= 0) {
            msip[h] = (int) (value & 1);
            return;
        }
        h = ClintDescriptor.mtimecmpHart(offset, size, hartCount);
        if (h < 0) {
            return;
        }
        if (size == 8) {
            mtimecmp[h] = value;
            return;
        }
        int s = ClintDescriptor.shift(offset, size);
        long mask = 0xFFFF_FFFFL << s;
        mtimecmp[h] = (mtimecmp[h] & ~mask) | ((value & 0xFFFF_FFFFL) << s);
    }
}
