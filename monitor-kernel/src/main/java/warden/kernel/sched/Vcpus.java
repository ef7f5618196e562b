package warden.kernel.sched;

import warden.kernel.api.Criticality;
import warden.kernel.api.SystemImage;
import warden.kernel.api.VcpuState;
import warden.kernel.boot.ImageCheck;

/**
 * The vCPUs of the system: their layout (vCPU id = partition * cores + core), each core's slot
 * list (the partitions that run on it, most critical first, ties: lower partition index first)
 * and each vCPU's scheduling state ({@link VcpuState}). All tables are allocated at boot.
 *
 * [impl->dsn~kernel.sched.critical-first~1]
 */
// Index reasoning: vCPU ids are p * cores + c with 0 <= p < partitions and 0 <= c < cores, so below
// partitions * cores, the length of vState; slot positions stay below slotCount[core] <= PARTITIONS_PER_CORE_MAX.
// justification: vCPU ids below partitions * cores and slot positions below slotCount, see above
@SuppressWarnings("index")
public final class Vcpus {
    private final int cores;
    private final int partitions;
    private final int[] slots;
    private final int[] slotCount;
    private final int[] vState;

    /**
     * Boot-time: orders each core's slots; every vCPU is NONE until the scheduler makes it READY.
     *
     * [impl->dsn~kernel.boot~1]
     */
    Vcpus(SystemImage img) {
        this.cores = img.coreCount();
        this.partitions = img.partitionCount();
        vState = new int[cores * partitions];
        slots = new int[cores * ImageCheck.PARTITIONS_PER_CORE_MAX];
        slotCount = new int[cores];
        for (int c = 0; c < cores; c++) {
            fillSlots(img, c);
        }
    }

    /**
     * Orders the partitions of core c by criticality, highest first (insertion sort, bounded).
     *
     * [impl->dsn~kernel.sched.critical-first~1]
     */
    private void fillSlots(SystemImage img, int c) {
        int base = c * ImageCheck.PARTITIONS_PER_CORE_MAX;
        for (int level = Criticality.MAX; level >= 0; level--) {
            for (int p = 0; p < img.partitionCount(); p++) {
                if ((img.coreMask(p) & (1 << c)) != 0 && img.criticality(p) == level
                        && slotCount[c] < ImageCheck.PARTITIONS_PER_CORE_MAX) {
                    slots[base + slotCount[c]] = p;
                    slotCount[c]++;
                }
            }
        }
    }

    /** [impl->dsn~kernel.sched.critical-first~1] */
    public int cores() {
        return cores;
    }

    /** [impl->dsn~kernel.context-integrity~1] */
    public int partitions() {
        return partitions;
    }

    /** [impl->dsn~kernel.sched.critical-first~1] */
    public int vcpu(int p, int c) {
        return p * cores + c;
    }

    /** [impl->dsn~kernel.sched.critical-first~1] */
    public int slotCount(int core) {
        return slotCount[core];
    }

    /** [impl->dsn~kernel.sched.critical-first~1] */
    public int slot(int core, int i) {
        return slots[core * ImageCheck.PARTITIONS_PER_CORE_MAX + i];
    }

    /** [impl->dsn~kernel.mcall.vcpu-power~1] */
    public int state(int p, int c) {
        return vState[vcpu(p, c)];
    }

    /** [impl->dsn~kernel.sched.critical-first~1] */
    int stateOf(int v) {
        return vState[v];
    }

    /** [impl->dsn~kernel.sched.critical-first~1] */
    void set(int v, int state) {
        vState[v] = state;
    }

    /**
     * Makes a WAITING vCPU READY again (an event arrived for it).
     *
     * [impl->dsn~kernel.sched.critical-first~1]
     */
    public void wake(int p, int core) {
        int v = vcpu(p, core);
        if (vState[v] == VcpuState.WAITING) {
            vState[v] = VcpuState.READY;
        }
    }
}
