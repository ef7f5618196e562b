package warden.emu.guest;

import warden.emu.FaultModel;
import warden.emu.GuestCpu;

/**
 * The part of fault injection every guest model shares: what was injected and not yet acted on,
 * and whether the guest is dead (hung or crashed: it keeps its core busy and never calls the
 * monitor again, until the monitor restarts it).
 */
final class FaultState {
    private static final int STORM_ACCESSES = 64;

    private boolean dead;
    private boolean crash;
    private boolean violation;
    private int stormLeft;
    private long address;
    private long corruptAt = -1;
    private int corruptBit;

    /** Records a fault of a model every guest handles; @return false for other models. */
    boolean inject(int model, long wildAddress) {
        address = wildAddress;
        switch (model) {
            case FaultModel.HANG:
                dead = true;
                return true;
            case FaultModel.CRASH:
                crash = true;
                return true;
            case FaultModel.FAULT_STORM:
                stormLeft = STORM_ACCESSES;
                return true;
            case FaultModel.ISOLATION_VIOLATION:
                violation = true;
                return true;
            default:
                return false;
        }
    }

    /**
     * Acts on a pending fault, or spins when dead. @return true when it used this step of the
     * guest's run loop.
     */
    boolean step(GuestCpu cpu, long budget) {
        if (dead) {
            cpu.advance(budget);
            return true;
        }
        if (crash) {
            crash = false;
            cpu.fetch(address);
            dead = true;
            return true;
        }
        if (stormLeft > 0) {
            stormLeft--;
            cpu.load(address + 8L * stormLeft, 8);
            return true;
        }
        if (violation) {
            violation = false;
            cpu.store(address, 4, 0xDEADBEEFL);
            return true;
        }
        return flip(cpu);
    }

    /**
     * Records a bit flip in the guest's own RAM at bit address {@code bitAddress} (byte address
     * times 8 plus the bit in that byte): the aligned 64-bit word holding it is read and written
     * back with that bit inverted (little-endian).
     */
    void corrupt(long bitAddress) {
        long byteAddress = bitAddress >>> 3;
        corruptAt = byteAddress & ~7L;
        corruptBit = (int) ((byteAddress & 7) * 8 + (bitAddress & 7));
    }

    /** Performs a pending bit flip: the word is read and written back with one bit inverted. */
    boolean flip(GuestCpu cpu) {
        if (corruptAt < 0) {
            return false;
        }
        long a = corruptAt;
        corruptAt = -1;
        if (cpu.load(a, 8) == GuestCpu.OK) {
            cpu.store(a, 8, cpu.lastValue() ^ (1L << corruptBit));
        }
        return true;
    }

    /** Forgets everything: the guest was reloaded. */
    void reset() {
        dead = false;
        crash = false;
        violation = false;
        stormLeft = 0;
        corruptAt = -1;
    }
}
