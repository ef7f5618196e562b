package warden.emu;

import java.util.List;

/**
 * What the validator asks a target about isolation between partitions, beyond what one
 * partition's regions on a fresh protection unit can show: which partitions are critical and
 * where their memory and device windows lie, and what the target answers it cannot isolate.
 */
public final class Isolation {
    private Isolation() {
    }

    /**
     * A memory region or a device's MMIO window of a partition, with the access the description
     * grants ({@code Access} bits; a device window is read/write).
     */
    public record Window(String name, long base, long size, int access) {
    }

    /** One partition as the target sees it, in description order. */
    public record Partition(String name, boolean critical, List<Window> memory, List<Window> devices) {
        public Partition {
            memory = List.copyOf(memory);
            devices = List.copyOf(devices);
        }
    }

    /**
     * Isolation the target cannot give: at {@code partition} (an index into the list asked about),
     * at its memory region {@code memoryIndex} or device {@code deviceIndex} (-1 for the partition
     * as a whole).
     */
    public record Problem(int partition, int memoryIndex, int deviceIndex, String message) {
    }
}
