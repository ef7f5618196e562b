package warden.emu;

/** A range of RAM on a platform. */
public record MemorySpec(String name, long base, long size) {
    public boolean contains(long start, long length) {
        return length >= 0 && start >= base && length <= size && start - base <= size - length;
    }
}
