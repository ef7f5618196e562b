package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import warden.kernel.api.Monitor;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.api.EventRecords;

/** A booted and started kernel on a two-core {@link FakePlatform}, with helpers to move time and read events. */
final class KernelRig {
    final FakePlatform f = new FakePlatform(2);
    final Monitor m = Warden.create(f);

    KernelRig(SystemImageBuilder b) {
        assertEquals(Status.OK, m.boot(b.build()));
        assertEquals(Status.OK, m.start());
    }

    /** Sets both cores' clocks to {@code t}. */
    void at(long t) {
        f.now[0] = t;
        f.now[1] = t;
    }

    /** @return the sequence number of the newest event of {@code kind}, or -1. */
    long last(int kind) {
        return KernelRigEvents.last(m, kind);
    }

    /** @return how many events of {@code kind} the log holds. */
    int count(int kind) {
        int n = 0;
        EventRecords log = m.eventRecords();
        for (long s = log.oldest(); s < log.sequence(); s++) {
            n += log.kind(s) == kind ? 1 : 0;
        }
        return n;
    }
}
