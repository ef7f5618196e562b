package warden.emu.dev.can;

import warden.emu.Engine;

/**
 * A CAN bus in virtual time: the nodes attached to it (controllers, stimulus nodes) contend for it,
 * the lowest arbitration key wins (bitwise arbitration, dominant 0 over recessive 1, see
 * {@link CanFrame#arbitrationKey()}), and the frame occupies the bus for its bit length
 * ({@link CanFrame#bits()}) times the transmitter's nominal bit time. The bus is an
 * {@link Engine.Source}: its next event is the end of the frame on the bus, the start of the next
 * one, or the end of a bus-off recovery.
 *
 * <p>Timing: a frame starts at the later of the time the bus became free and the time its node
 * became ready (the moment the guest wrote the transmit request, which the bus learns from the node
 * at its next event); the bus keeps this timeline exactly and the frame's end time is exact, but
 * the receivers see the frame, and raise their interrupts, at the first engine step boundary at or
 * after that end (the engine's steps end at the bus's next event, so normally exactly at the end).
 *
 * <p>Delivery (ISO 11898-1 acknowledgement and error rules, as summarised in Microchip's CAN "Fault
 * Confinement" chapter): every other node that takes part in bus traffic and runs the same nominal
 * bit time acknowledges the frame and receives it (its acceptance filters only decide whether it
 * keeps it); a participating node with a different bit time cannot sample the frame and counts a
 * receive error (the error flag it would send is not modelled); a frame nobody acknowledges is an
 * ACK error for the transmitter. A node takes part in a frame only when it took part in bus traffic
 * at the frame's start and still does at its end: one that joins the bus (leaves its initialisation
 * mode) while a frame is on it waits for the next (as its bus integration would, ISO 11898-1), and
 * neither receives nor counts an error for the frame it joined in. {@link #corruptNextFrames}
 * injects bit errors that every node detects: the transmitter counts a transmit error, every
 * participating receiver a receive error, and the frame is followed by an error flag and delimiter
 * (14 bits) before the next arbitration. Two nodes with the same key: the one attached first wins
 * (on a real bus both would transmit and usually collide in the data field).
 *
 * <p>Deterministic: nodes are visited in the order they were attached; no wall clock, no
 * allocation after {@link #attach}.
 *
 * [impl->dsn~can.bus~2]
 * [impl->dsn~can.arbitration~1]
 * [impl->dsn~can.frame-timing~1]
 */
public final class CanBus implements Engine.Source {
    /** What the bus needs of an attached node. */
    public interface Node {
        /** @return the earliest time the node could start its next frame, or Long.MAX_VALUE. */
        long readyAtNs();

        /** @return the arbitration key of the frame it would send in an arbitration at {@code startNs}. */
        long arbitrationKey(long startNs);

        /** It won the arbitration at {@code startNs}: copy the frame it sends into {@code out}. */
        void load(CanFrame out, long startNs);

        /** @return the node's nominal bit time in picoseconds. */
        long bitTimePs();

        /** @return true when the node takes part in bus traffic (acknowledges and receives). */
        boolean participating();

        /** Its frame went out without error and was acknowledged. */
        void transmitted(long endNs, long nowNs);

        /** Its frame failed: an ACK error (nobody acknowledged) or a bit error. */
        void transmitFailed(boolean ackError, long endNs, long nowNs);

        /** Another node's frame was received correctly. */
        void received(CanFrame frame, long endNs, long nowNs);

        /** A frame on the bus could not be received correctly by this node. */
        void receiveError(long endNs, long nowNs);

        /** A frame (or error frame) ended at {@code endNs}: 11 consecutive recessive bits followed. */
        void frameEnded(long endNs, long nowNs);

        /** The bus was idle from {@code fromNs} to {@code toNs}. */
        void idle(long fromNs, long toNs, long nowNs);

        /**
         * @return when an ongoing bus-off recovery ends if the bus stays idle from
         *     {@code idleFromNs}, or Long.MAX_VALUE
         */
        long recoveryEndNs(long idleFromNs);
    }

    /** Most nodes on one bus. */
    public static final int NODES_MAX = 16;
    /** Error flag (6 bits) and error delimiter (8 bits) after a frame destroyed by a bit error. */
    public static final int ERROR_FRAME_BITS = 14;
    /** Most frames or idle periods one {@link #fire} handles (a bound; one call normally handles one). */
    static final int EVENTS_PER_FIRE_MAX = 1024;

    private final Node[] nodes = new Node[NODES_MAX];
    /** Per node: it took part in bus traffic when the frame on the bus started. */
    private final boolean[] fromStart = new boolean[NODES_MAX];
    private int count;
    private final CanFrame onBus = new CanFrame();
    private int transmitter = -1;
    private long frameStartNs;
    private long frameEndNs;
    private boolean frameCorrupted;
    private boolean frameAcked;
    /** End of the last frame: the bus is idle from here while no frame is on it. */
    private long freeAtNs;
    /** The bus's idle time is told to the nodes up to here. */
    private long idleToldNs;
    private int corruptions;
    private long frames;
    private long errorFrames;
    private long busyNs;

    /** Attaches a node (boot time). */
    public void attach(Node n) {
        if (count >= NODES_MAX) {
            throw new IllegalStateException("too many CAN nodes on one bus");
        }
        nodes[count++] = n;
    }

    /** The next {@code n} frames to start are destroyed by a bit error every node detects. */
    public void corruptNextFrames(int n) {
        corruptions = Math.max(0, n);
    }

    /** @return frames that went out correctly. */
    public long frames() {
        return frames;
    }

    /** @return frames destroyed by an error (injected or ACK error). */
    public long errorFrames() {
        return errorFrames;
    }

    /** @return the virtual time the bus carried frames or error frames, in ns. */
    public long busyNs() {
        return busyNs;
    }

    /** @return true while a frame is on the bus. */
    public boolean busy() {
        return transmitter >= 0;
    }

    /** @return start time of the frame on the bus or of the last one. */
    public long frameStartNs() {
        return frameStartNs;
    }

    /** @return end time of the frame on the bus or of the last one. */
    public long frameEndNs() {
        return frameEndNs;
    }

    /** @return how long {@code bits} take at {@code bitTimePs}, in ns (rounded down). */
    public static long durationNs(long bits, long bitTimePs) {
        return bits * bitTimePs / 1000;
    }

    @Override
    public long nextEventNs() {
        if (transmitter >= 0) {
            return frameEndNs;
        }
        long next = startTime();
        for (int i = 0; i < count; i++) {
            next = Math.min(next, nodes[i].recoveryEndNs(freeAtNs));
        }
        return next;
    }

    /** @return when the next frame would start, or Long.MAX_VALUE. */
    private long startTime() {
        long ready = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            ready = Math.min(ready, nodes[i].readyAtNs());
        }
        return ready == Long.MAX_VALUE ? ready : Math.max(freeAtNs, ready);
    }

    @Override
    public void fire(long nowNs) {
        for (int e = 0; e < EVENTS_PER_FIRE_MAX; e++) {
            if (transmitter >= 0) {
                if (frameEndNs > nowNs) {
                    return;
                }
                complete(nowNs);
                continue;
            }
            long start = startTime();
            long until = Math.min(start, nowNs);
            for (int i = 0; i < count; i++) {
                until = Math.min(until, Math.max(idleToldNs, nodes[i].recoveryEndNs(freeAtNs)));
            }
            boolean progress = until > idleToldNs;
            if (progress) {
                for (int i = 0; i < count; i++) {
                    nodes[i].idle(idleToldNs, until, nowNs);
                }
                idleToldNs = until;
            }
            if (until < start) {
                if (until >= nowNs || !progress) {
                    return;
                }
                continue;
            }
            if (start > nowNs) {
                return;
            }
            begin(start);
        }
    }

    /** Arbitration at {@code start}: the ready node with the lowest key sends. */
    private void begin(long start) {
        int winner = -1;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            if (nodes[i].readyAtNs() <= start) {
                long key = nodes[i].arbitrationKey(start);
                if (key < best) {
                    best = key;
                    winner = i;
                }
            }
        }
        for (int i = 0; i < count; i++) {
            fromStart[i] = nodes[i].participating();
        }
        Node n = nodes[winner];
        n.load(onBus, start);
        transmitter = winner;
        frameStartNs = start;
        frameCorrupted = corruptions > 0;
        if (frameCorrupted) {
            corruptions--;
        }
        frameAcked = acknowledged(winner);
        long bits = onBus.bits() + (frameCorrupted || !frameAcked ? ERROR_FRAME_BITS : 0);
        frameEndNs = start + durationNs(bits, n.bitTimePs());
    }

    private boolean acknowledged(int tx) {
        long bit = nodes[tx].bitTimePs();
        for (int i = 0; i < count; i++) {
            if (i != tx && nodes[i].participating() && nodes[i].bitTimePs() == bit) {
                return true;
            }
        }
        return false;
    }

    /** The frame on the bus ends: deliver it or count the errors, then tell every node. */
    private void complete(long nowNs) {
        int tx = transmitter;
        long end = frameEndNs;
        long bit = nodes[tx].bitTimePs();
        if (frameCorrupted || !frameAcked) {
            errorFrames++;
            nodes[tx].transmitFailed(!frameCorrupted, end, nowNs);
        } else {
            frames++;
            nodes[tx].transmitted(end, nowNs);
        }
        for (int i = 0; i < count; i++) {
            Node n = nodes[i];
            if (i == tx || !fromStart[i] || !n.participating()) {
                continue;
            }
            if (frameCorrupted || !frameAcked || n.bitTimePs() != bit) {
                n.receiveError(end, nowNs);
            } else {
                n.received(onBus, end, nowNs);
            }
        }
        for (int i = 0; i < count; i++) {
            nodes[i].frameEnded(end, nowNs);
        }
        busyNs += end - frameStartNs;
        transmitter = -1;
        freeAtNs = end;
        idleToldNs = end;
    }
}
