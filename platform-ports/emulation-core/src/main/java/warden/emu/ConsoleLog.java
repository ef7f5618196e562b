package warden.emu;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the partitions printed, line by line, each line tagged with the partition and the
 * virtual time at which it was completed. Bytes are gathered per partition until a newline.
 */
public final class ConsoleLog {
    /** One printed line. */
    public record Line(long timeNs, String partition, String text) {
    }

    private final String[] names;
    private final StringBuilder[] pending;
    private final List<Line> lines = new ArrayList<>();
    private final boolean echo;

    public ConsoleLog(String[] partitionNames, boolean echo) {
        this.names = partitionNames.clone();
        this.pending = new StringBuilder[names.length];
        for (int i = 0; i < names.length; i++) {
            pending[i] = new StringBuilder();
        }
        this.echo = echo;
    }

    public void put(int partition, int b, long nowNs) {
        if (partition < 0 || partition >= names.length) {
            return;
        }
        if (b == '\n') {
            Line l = new Line(nowNs, names[partition], pending[partition].toString());
            lines.add(l);
            pending[partition].setLength(0);
            if (echo) {
                System.out.printf("[%12.6f ms] %-10s | %s%n", nowNs / 1e6, l.partition(), l.text());
            }
        } else if (b >= 0x20 && b < 0x7f && pending[partition].length() < 1024) {
            pending[partition].append((char) b);
        }
    }

    public List<Line> lines() {
        return lines;
    }
}
