package warden.kernel.api;

/**
 * The kernel's architecture-neutral monitor call numbers. A port maps its own ABI onto these
 * (an SBI extension and function id on RISC-V, an SMCCC function id on Arm, the APM port on x86)
 * and passes {@link #UNKNOWN} for anything it cannot map, so that the kernel answers it with
 * {@link Status#NOT_SUPPORTED} and counts it.
 *
 * <p>Arguments are read through {@code CpuContext.callArg(core, i)}; every call returns a status
 * and one 64-bit value.
 *
 * [impl->dsn~kernel.mcall.ids~1]
 */
public final class MonitorCall {
    /** A call the port could not map. */
    public static final int UNKNOWN = -1;
    /** Returns the kernel ABI version in the value. */
    public static final int VERSION = 0;
    /** The caller has nothing to do until its next interrupt or timer: the core may run others. */
    public static final int YIELD = 1;
    /** Feeds the caller's watchdog. The first heartbeat marks the partition as booted. */
    public static final int HEARTBEAT = 2;
    /** Returns the virtual time in nanoseconds. */
    public static final int GET_TIME = 3;
    /** arg0 = guest physical address, arg1 = length: writes the bytes to the caller's console. */
    public static final int CONSOLE_WRITE = 4;
    /** arg0 = partition index or -1 for self: returns packed criticality, state and cores. */
    public static final int PARTITION_INFO = 5;
    /** arg0 = absolute deadline in ns, or -1 to cancel: the caller's virtual timer. */
    public static final int SET_TIMER = 6;
    /**
     * arg0 = failure code: the caller detected a failure of its own (e.g. a deadline overrun), and
     * the health monitor takes its policy's action on the caller. The one code the kernel reads is
     * {@link #FAILURE_CHANNEL} (arg1 = channel id): the caller, that channel's receiver, found the
     * channel's end-to-end protection failed; that failure is the channel's, counted and logged,
     * and the caller is not restarted for it.
     */
    public static final int REPORT_FAILURE = 7;
    /**
     * REPORT_FAILURE code: a channel's end-to-end protection failed at its receiver (arg1 = the
     * channel). Codes 1 and 2 are free for the guests' own failures.
     */
    public static final long FAILURE_CHANNEL = 3;
    /**
     * Privileged callers only: arg0 = sequence number of an event-log record, arg1 = address of
     * {@link EventRecordDescriptor#LENGTH} bytes of the caller's writable memory. Writes the record
     * there; the value is the sequence number read (the oldest held, when arg0 was overwritten).
     */
    public static final int EVENT_READ = 8;
    /** The calling vCPU stops; its core runs the partitions it shares with, or idles. */
    public static final int VCPU_OFF = 9;
    /**
     * arg0 = core, arg1 = entry address in one of the caller's executable regions: starts the
     * caller's stopped vCPU on that core at entry (BAD_STATE when it runs already).
     */
    public static final int VCPU_ON = 10;
    /** The caller asks to be restarted from its entry point with a fresh context. */
    public static final int PARTITION_RESET = 11;
    /**
     * arg0 = channel id, arg1 = the sender's published count (frames written into the ring since
     * the channel's last reset, monotonic): the caller must be the channel's sender. Records the
     * count, rings the receiver's doorbell when the count grew; the value is the receiver's
     * consumed count. See {@link ChannelLayout} for the ring.
     */
    public static final int CHANNEL_SEND = 12;
    /**
     * arg0 = channel id, arg1 = the receiver's consumed count (monotonic, at most the published
     * count): the caller must be the channel's receiver. Records it; the value is the published count.
     */
    public static final int CHANNEL_RECEIVE = 13;
    /**
     * arg0 = channel id, arg1 = field ({@link ChannelLayout#INFO_BASE} ..
     * {@link ChannelLayout#INFO_CRC}): one of the channel's properties, for its two endpoints only.
     */
    public static final int CHANNEL_INFO = 14;
    /**
     * arg0 = {@link #deviceTarget}(device, register offset): reads the 32-bit register of a mediated
     * device for the caller when an entry of the image's access-control list allows it (see
     * {@link DeviceAcl}); the value is the register's. Refused with DENIED (not listed) or
     * RATE_LIMITED, and logged as {@link EventKind#DEVICE_DENIED}.
     */
    public static final int DEVICE_READ = 15;
    /**
     * arg0 = {@link #deviceTarget}(device, register offset), arg1 = value: writes the 32-bit register
     * of a mediated device for the caller when an entry of the access-control list allows the
     * register, the direction and the value, within the entry's rate. Refused like DEVICE_READ
     * (a value outside the entry's mask or range is DENIED); a refused write never reaches the device.
     */
    public static final int DEVICE_WRITE = 16;
    /**
     * arg0 = partition: takes a snapshot (restore point) of that partition now, for a caller the
     * partition's description names as its requester ({@code on-request-by}); the value is the
     * number of pages copied. DENIED for any other caller or a partition without snapshots,
     * INVALID_PARAM for an index outside the image, BAD_STATE for a stopped partition, FAILED when
     * a page or context could not be saved.
     */
    public static final int SNAPSHOT = 17;
    /**
     * Over-the-air update. arg0 = target partition, arg1 = image size in bytes, arg2 = the image's
     * version: the caller, the target's updater, starts a transfer into the target's inactive slot.
     * Refused: DENIED (not the updater), NO_SPACE (larger than the slot), STALE_VERSION (not newer
     * than the monitor's counter), BAD_STATE (the target is on trial). See {@link UpdateReason}.
     */
    public static final int UPDATE_BEGIN = 18;
    /**
     * arg0 = target, arg1 = byte offset in the image, arg2 = guest address of the chunk in the
     * caller's readable memory, arg3 = its length (1 .. {@link UpdateReason#CHUNK_MAX}): copied into
     * the inactive slot and hashed. The offset must be the bytes received so far (SEQUENCE else).
     */
    public static final int UPDATE_CHUNK = 19;
    /**
     * arg0 = target, arg1 = guest address of the {@link UpdateReason#MANIFEST_BYTES}-byte manifest
     * (SHA-256 digest, then Ed25519 signature), arg2 = 1 to restart the target at once (0: at its
     * next restart): the monitor checks the digest and the signature over the signed message
     * ({@link UpdateReason#signedMessage}) and marks the slot to switch to. VERIFY_FAILED else.
     */
    public static final int UPDATE_FINISH = 20;
    /** arg0 = target: its update state, for its updater and itself ({@link UpdateReason#status}). */
    public static final int UPDATE_STATUS = 21;
    /** One past the highest call id. */
    public static final int COUNT = 22;

    /**
     * The kernel ABI version returned by {@link #VERSION}: major in bits 31..16, minor below.
     * Minor 1 added the channel calls, minor 2 the channel failure code of REPORT_FAILURE, minor 3
     * the CRC width field of CHANNEL_INFO, minor 4 the mediated device calls DEVICE_READ and
     * DEVICE_WRITE, minor 5 the SNAPSHOT call, minor 6 the update calls UPDATE_BEGIN .. UPDATE_STATUS.
     */
    public static final int ABI_VERSION = 0x0001_0006;

    private static final String[] NAMES = {
        "VERSION", "YIELD", "HEARTBEAT", "GET_TIME", "CONSOLE_WRITE", "PARTITION_INFO", "SET_TIMER",
        "REPORT_FAILURE", "EVENT_READ", "VCPU_OFF", "VCPU_ON", "PARTITION_RESET", "CHANNEL_SEND",
        "CHANNEL_RECEIVE", "CHANNEL_INFO", "DEVICE_READ", "DEVICE_WRITE", "SNAPSHOT",
        "UPDATE_BEGIN", "UPDATE_CHUNK", "UPDATE_FINISH", "UPDATE_STATUS"
    };

    private MonitorCall() {
    }

    /**
     * @return the first argument of DEVICE_READ and DEVICE_WRITE: the device's index in the image in
     *     bits 31..16, the register's byte offset in its window in bits 15..0.
     *
     * [impl->dsn~kernel.device.calls~1]
     */
    public static long deviceTarget(int device, int offset) {
        return ((long) device << 16) | (offset & 0xFFFFL);
    }

    /** @return the name of a call id, or "UNKNOWN". */
    public static String name(int id) {
        if (id < 0 || id >= COUNT) {
            return "UNKNOWN";
        }
        return NAMES[id];
    }
}
