package warden.launcher.config;

import java.util.List;

/** Valid system descriptions used by the example tests and the schema agreement test. */
final class Fixtures {
    /** One RTOS partition, no optional key. */
    static final String MINIMAL = """
            partitions:
              - name: solo
                criticality: ASIL-D
                cores: [1]
                memory:
                  - {name: ram, base: 0x80400000, size: 1MiB, access: rwx}
                workload:
                  kind: rtos
                  tick: 1ms
                  tasks:
                    - {name: main, period: 10ms, wcet: 2ms}
            """;

    /** Every key of the format at least once. */
    /** SHA-256 of the rtos's generated 1 KiB image in {@link #FULL}; its second half in upper case. */
    static final String FULL_DIGEST = java.util.HexFormat.of().formatHex(
            PartitionReader.sha256(ImageSpec.generated("rtos", 1024)));
    private static final String FULL_DIGEST_TEXT = FULL_DIGEST.substring(0, 32)
            + FULL_DIGEST.substring(32).toUpperCase(java.util.Locale.ROOT);

    static final String FULL = """
            target: riscv
            monitor:
              memory: {base: 0x80000000, size: 2MiB}
            partitions:
              - name: rtos
                criticality: C
                cores: [0]
                privileged: true
                entry: 0x80401000
                image: {size: 1KiB}
                digest: "%s"
                watchdog: 5ms
                memory:
                  - {name: code, base: 0x80400000, size: 64KiB, access: rx}
                  - {name: data, base: 0x80410000, size: 64KiB, access: rw}
                devices: [uart1, can0]
                interrupts:
                  - {line: 20, core: 0, priority: 6}
                  - {line: 11}
                workload:
                  kind: rtos
                  boot: 3ms
                  tick: 1ms
                  tasks:
                    - {name: control, period: 1ms, wcet: 150us, deadline: 800us}
                  isr: {device: can0, work: 20us}
              - name: linux
                criticality: QM
                cores: [0, 1, 2]
                memory:
                  - {name: ram, base: 0x81000000, size: 112MiB, access: rwx}
                devices: [uart0, nic0]
                workload:
                  kind: rich-os
                  boot: 40ms
                  tick: 4ms
                  burst: {min: 2ms, max: 20ms}
                  idle: {min: 100us, max: 2ms}
                  isr: {device: nic0, work: 15us}
              - name: probe
                criticality: ASIL_B
                cores: [3]
                memory: [{name: ram, base: 0x88000000, size: 65536, access: rw}]
                workload:
                  kind: probe
                  start: 1ms
                  accesses:
                    - {address: 0x88000000, size: 4, access: read, expect: allowed}
                    - {address: 0x80000000, size: 8, access: write, expect: denied}
                    - {address: 0x80400000, size: 4, access: execute}
            devices:
              - {name: can0, period: 2ms}
              - {name: nic0, meanInterval: 300us, seed: 7}
            run:
              duration: 1s
              seed: 42
            """.formatted(FULL_DIGEST_TEXT);

    /** The valid fixtures, for tests over all of them. */
    static final List<String> VALID = List.of(MINIMAL, FULL);

    private Fixtures() {
    }

    /** @return the 1-based line of the first line of text containing marker. */
    static int lineOf(String text, String marker) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + marker);
    }

    /** @return the 1-based column of marker on its line. */
    static int columnOf(String text, String marker) {
        return text.split("\n", -1)[lineOf(text, marker) - 1].indexOf(marker) + 1;
    }

    static SystemDescription load(String text) {
        LoadResult r = DescriptionLoader.parse(text, "t.yaml");
        if (!r.ok()) {
            throw new AssertionError("expected to load, got " + r.problems());
        }
        return r.description();
    }

    static List<Problem> problems(String text) {
        LoadResult r = DescriptionLoader.parse(text, "t.yaml");
        if (r.ok()) {
            throw new AssertionError("expected problems, loaded " + r.description());
        }
        return r.problems();
    }

    static List<Problem> validate(String text) {
        return DescriptionValidator.validate(load(text), FakeTarget.riscv());
    }
}
