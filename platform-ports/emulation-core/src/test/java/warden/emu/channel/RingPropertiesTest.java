package warden.emu.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RingPropertiesTest {
    /** A model of the ring: slots hold frame numbers; counts as the sender, kernel and receiver see them. */
    static final class Model {
        final int slots;
        final boolean overwrite;
        final long[] slot;
        long published;
        long senderSeen;
        long kernelConsumed;
        long readerConsumed;
        long readerPublished;
        long dropped;
        long overwritten;
        long skipped;

        Model(int slots, boolean overwrite) {
            this.slots = slots;
            this.overwrite = overwrite;
            this.slot = new long[slots];
        }

        int write(long frame) {
            boolean over = false;
            if (published - senderSeen >= slots) {
                senderSeen = kernelConsumed;
                if (published - senderSeen >= slots) {
                    if (!overwrite) {
                        dropped++;
                        return RingWriter.DROPPED;
                    }
                    over = true;
                }
            }
            slot[(int) (published % slots)] = frame;
            published++;
            senderSeen = kernelConsumed;
            overwritten += over ? 1 : 0;
            return over ? RingWriter.OVERWROTE : RingWriter.WRITTEN;
        }

        int poll() {
            kernelConsumed = readerConsumed;
            readerPublished = published;
            long ready = readerPublished - readerConsumed;
            if (ready > slots) {
                skipped += ready - slots;
                readerConsumed = readerPublished - slots;
                ready = slots;
            }
            return (int) ready;
        }

        long read() {
            if (readerConsumed >= readerPublished) {
                return -1;
            }
            return slot[(int) (readerConsumed++ % slots)];
        }
    }

    private static final class Rig {
        final ChannelKernel kernel;
        final ChannelCpu senderCpu;
        final ChannelCpu receiverCpu;
        final RingLayout layout;
        final RingWriter writer;
        final RingReader reader;
        final E2eProtector protector;
        final byte[] out;
        final byte[] in;

        Rig(int slots, int policy) {
            kernel = ChannelKernel.single(16, slots, policy, 9, 1_000_000, 3);
            senderCpu = new ChannelCpu(kernel, ChannelKernel.SENDER);
            receiverCpu = new ChannelCpu(kernel, ChannelKernel.RECEIVER);
            layout = RingLayout.discover(receiverCpu, 0);
            writer = new RingWriter(RingLayout.discover(senderCpu, 0));
            reader = new RingReader(layout);
            protector = new E2eProtector(layout.config());
            out = new byte[layout.stride()];
            in = new byte[layout.stride()];
        }

        int send(long frame) {
            Frame.putLong(out, Frame.HEADER, frame);
            return writer.write(senderCpu, out, protector.protect(out, 8, 0));
        }

        long read() {
            int n = reader.read(receiverCpu, in);
            return n == 0 ? -1 : Frame.getLong(in, Frame.HEADER);
        }
    }

    /**
     * Any interleaving of sends, polls and reads, with either policy and any slot count, gives the
     * results, frames, drops, overwrites and skips of the model; with the drop policy frames are
     * read in order.
     * [utest->dsn~e2e.ring~1]
     */
    @Property(seed = "15003")
    void ringFollowsTheModel(@ForAll @Size(max = 200) List<@IntRange(max = 3) Integer> ops,
                             @ForAll @IntRange(min = 1, max = 6) int slots, @ForAll boolean overwrite) {
        Rig rig = new Rig(slots, overwrite ? ChannelCalls.POLICY_OVERWRITE : ChannelCalls.POLICY_DROP);
        Model model = new Model(slots, overwrite);
        long next = 0;
        long lastRead = -1;
        for (int op : ops) {
            if (op == 0 || op == 3) {
                assertEquals(model.write(next), rig.send(next), "send " + next);
                next++;
            } else if (op == 1) {
                assertEquals(model.poll(), rig.reader.poll(rig.receiverCpu));
            } else {
                long expected = model.read();
                long got = rig.read();
                assertEquals(expected, got);
                if (got >= 0 && !overwrite) {
                    // (with overwrite a sender that laps the reader between its poll and its read
                    // hands it a newer frame: the model has it, and E2E's counter classifies it)
                    assertTrue(got > lastRead, "order kept");
                    lastRead = got;
                }
            }
            assertEquals(model.dropped, rig.writer.drops());
            assertEquals(model.overwritten, rig.writer.overwrites());
            assertEquals(model.skipped, rig.reader.skipped());
            assertTrue(rig.writer.highWater() <= slots && rig.reader.highWater() <= slots);
        }
        assertEquals(0, rig.senderCpu.faults + rig.receiverCpu.faults);
    }

    /**
     * With the drop policy nothing is lost unless the ring was full: every frame whose write was
     * WRITTEN is read exactly once, in order, and each DROPPED one found the ring full; draining an
     * empty ring reads nothing.
     * [utest->dsn~e2e.ring~1]
     */
    @Property(seed = "15004")
    void dropPolicyLosesOnlyWhenFull(@ForAll @Size(max = 60) List<@IntRange(max = 8) Integer> bursts,
                                     @ForAll @IntRange(min = 1, max = 6) int slots) {
        Rig rig = new Rig(slots, ChannelCalls.POLICY_DROP);
        List<Long> written = new ArrayList<>();
        List<Long> read = new ArrayList<>();
        long next = 0;
        for (int burst : bursts) {
            for (int i = 0; i < burst; i++) {
                long inRing = rig.writer.published() - rig.kernel.consumed[0];
                int r = rig.send(next);
                if (r == RingWriter.WRITTEN) {
                    written.add(next);
                } else {
                    assertEquals(RingWriter.DROPPED, r);
                    assertEquals(slots, inRing, "dropped only when full");
                }
                next++;
            }
            if (burst % 2 == 0) {
                drain(rig, read);
            }
        }
        drain(rig, read);
        assertEquals(written, read);
        assertEquals(0, rig.reader.poll(rig.receiverCpu));
        assertEquals(-1, rig.read());
    }

    private static void drain(Rig rig, List<Long> read) {
        int n = rig.reader.poll(rig.receiverCpu);
        for (int i = 0; i < n; i++) {
            read.add(rig.read());
        }
    }

    /**
     * With the overwrite policy the sender never drops: a receiver that drains after any burst
     * reads the newest min(burst, slots) frames in order, and the E2E counter shows the rest as a gap.
     * [utest->dsn~e2e.ring~1]
     */
    @Property(seed = "15005")
    void overwriteKeepsTheNewest(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 20) Integer> bursts,
                                 @ForAll @IntRange(min = 1, max = 6) int slots) {
        Rig rig = new Rig(slots, ChannelCalls.POLICY_OVERWRITE);
        E2eChecker checker = new E2eChecker(new E2eConfig(9, 1_000_000, 1_000, 16));
        long next = 0;
        for (int burst : bursts) {
            for (int i = 0; i < burst; i++) {
                int r = rig.send(next++);
                assertTrue(r == RingWriter.WRITTEN || r == RingWriter.OVERWROTE);
            }
            int n = rig.reader.poll(rig.receiverCpu);
            assertEquals(Math.min(burst, slots), n);
            long lost = burst - n;
            for (int i = 0; i < n; i++) {
                assertEquals(next - n + i, rig.read());
                int v = checker.check(rig.in, 0);
                assertEquals(i == 0 && lost > 0 ? Verdict.OK_SOME_LOST : Verdict.OK, v);
                assertEquals(i == 0 ? lost : 0, checker.gap());
            }
        }
        assertEquals(0, rig.writer.drops());
    }
}
