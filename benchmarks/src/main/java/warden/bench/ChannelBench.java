package warden.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import warden.emu.channel.E2eChecker;
import warden.emu.channel.E2eConfig;
import warden.emu.channel.E2eProtector;
import warden.emu.channel.Frame;
import warden.emu.channel.Verdict;
import warden.kernel.Warden;
import warden.kernel.api.Access;
import warden.kernel.api.ChannelLayout;
import warden.kernel.api.Criticality;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/**
 * The channel's costs, apart: the kernel's CHANNEL_SEND and CHANNEL_RECEIVE through the stub port
 * (a channel from rtos to linux on two cores, no doorbell, so no world switch is measured), and
 * the guest side's end-to-end protection of one frame: its CRC-32P4 alone (Frame.crc), its CRC-64 alone
 * (Frame.crc64), and protect plus check of a frame of {@code payload} bytes with either width (the
 * verdict must be OK, else the benchmark fails).
 */
public class ChannelBench extends NanoBench {
    @Param({"16", "64", "256", "1024"})
    public int payload;

    private Monitor monitor;
    private StubPort stub;
    private long count;
    private byte[] frame;
    private E2eProtector protector;
    private E2eChecker checker;
    private byte[] frame64;
    private E2eProtector protector64;
    private E2eChecker checker64;
    private long now;

    @Setup(Level.Trial)
    public void setUp() {
        stub = new StubPort(2, StubPort.DEFAULT_WORDS);
        stub.memoryAt(0x8000_0000L);
        monitor = Warden.create(stub);
        SystemImageBuilder b = SystemImage.builder(2).monitor(0x8000_0000L, 0x20_0000L);
        int rtos = b.partition("rtos", Criticality.ASIL_C, 0b01, 0x8040_0000L, 0, false);
        b.region(rtos, 0x8040_0000L, 0x10_0000L, Access.ALL);
        int linux = b.partition("linux", Criticality.QM, 0b10, 0x8100_0000L, 0, false);
        b.region(linux, 0x8100_0000L, 0x10_0000L, Access.ALL);
        b.channel("sensors", rtos, linux, 0x8020_0000L, 0x1000, 64, 8, ChannelLayout.NO_DOORBELL, 0);
        if (monitor.boot(b.build()) != Status.OK || monitor.start() != Status.OK) {
            throw new IllegalStateException("channel bench: boot or start refused");
        }
        stub.arg(0, 0);
        frame = new byte[Frame.stride(payload)];
        E2eConfig config = new E2eConfig(7, Long.MAX_VALUE / 4, 1, payload);
        protector = new E2eProtector(config);
        checker = new E2eChecker(config);
        frame64 = new byte[Frame.stride(payload, ChannelLayout.CRC64)];
        E2eConfig config64 = new E2eConfig(7, Long.MAX_VALUE / 4, 1, payload, ChannelLayout.CRC64);
        protector64 = new E2eProtector(config64);
        checker64 = new E2eChecker(config64);
    }

    /**
     * One frame through the kernel: the sender publishes it (core 0), the receiver consumes it
     * (core 1). @return the receive's status
     */
    @Benchmark
    public int kernelSendReceive() {
        count++;
        stub.arg(1, count);
        if (monitor.onMonitorCall(0, MonitorCall.CHANNEL_SEND) != Status.OK) {
            throw new IllegalStateException("send refused at " + count);
        }
        return monitor.onMonitorCall(1, MonitorCall.CHANNEL_RECEIVE);
    }

    /** @return the CRC-32P4 of a header and {@code payload} bytes. */
    @Benchmark
    public int crc() {
        return Frame.crc(frame, Frame.HEADER + payload);
    }

    /** @return the CRC-64 of a 32-byte header and {@code payload} bytes. */
    @Benchmark
    public long crc64() {
        return Frame.crc64(frame64, Frame.HEADER_64 + payload);
    }

    /** @return the verdict of a frame with a 64-bit CRC protected and then checked (OK every time). */
    @Benchmark
    public int protectAndCheck64() {
        now += 1000;
        int length = protector64.protect(frame64, payload, now);
        int v = checker64.check(frame64, now);
        if (v != Verdict.OK || length != Frame.HEADER_64 + payload) {
            throw new IllegalStateException("verdict " + Verdict.name(v));
        }
        return v;
    }

    /** @return the verdict of a frame protected and then checked (OK every time). */
    @Benchmark
    public int protectAndCheck() {
        now += 1000;
        int length = protector.protect(frame, payload, now);
        int v = checker.check(frame, now);
        if (v != Verdict.OK || length != Frame.HEADER + payload) {
            throw new IllegalStateException("verdict " + Verdict.name(v));
        }
        return v;
    }
}
