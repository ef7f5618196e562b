package warden.launcher.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generates random valid system descriptions for the RISC-V test platform as a small mutable model
 * that renders to YAML, so that properties can break one thing and know where it is. Layout: the
 * monitor keeps the first 2 MiB of RAM; partition i owns the 64 MiB window i+1 and places up to 3
 * naturally aligned power-of-two regions (4 KiB .. 16 MiB) 16 MiB apart in it; critical partitions
 * get a core of their own; devices are dealt out without repetition.
 */
final class Gen {
    static final long RAM = 0x8000_0000L;
    static final List<String> DEVICES = List.of("uart0", "uart1", "uart2", "uart3", "can0", "can1", "nic0", "nic1");
    static final List<Integer> LINES = List.of(10, 11, 12, 13, 20, 21, 30, 31);
    static final String[] CRIT = {"ASIL-A", "ASIL-B", "ASIL-C", "ASIL-D", "C", "ASIL_D"};

    /** A memory region. */
    static final class Region {
        String name;
        long base;
        long size;
        String access;
    }

    /** A partition with raw text for the fields properties corrupt. */
    static final class Part {
        String name;
        String criticality;
        boolean critical;
        List<Integer> cores = new ArrayList<>();
        String privileged = "false";
        String watchdog = "0";
        String extraKey;
        List<Region> memory = new ArrayList<>();
        List<String> devices = new ArrayList<>();
        List<String> overrides = new ArrayList<>();
        String workload;
    }

    final List<Part> parts = new ArrayList<>();
    final List<String> stimuli = new ArrayList<>();

    /** @return arbitrary valid systems of at least {@code min} partitions. */
    static Arbitrary<Gen> systems(int min) {
        return Arbitraries.randomValue(r -> random(r, min));
    }

    static Gen random(Random r, int min) {
        Gen g = new Gen();
        int k = min + r.nextInt(5 - min);
        List<Integer> freeCores = new ArrayList<>(List.of(0, 1, 2, 3));
        Collections.shuffle(freeCores, r);
        List<String> devices = new ArrayList<>(DEVICES);
        Collections.shuffle(devices, r);
        for (int i = 0; i < k; i++) {
            Part p = part(r, i, freeCores, devices);
            g.parts.add(p);
            for (String d : p.devices) {
                if (r.nextBoolean()) {
                    boolean periodic = d.startsWith("can") || r.nextBoolean(); // CAN traffic is periodic
                    g.stimuli.add("{name: " + d + (periodic ? ", period: " : ", meanInterval: ")
                            + (50 + r.nextInt(5000)) + "us" + (r.nextBoolean() ? ", seed: " + r.nextInt(100) : "")
                            + "}");
                }
            }
        }
        return g;
    }

    private static Part part(Random r, int i, List<Integer> freeCores, List<String> devices) {
        Part p = new Part();
        p.name = "p" + i;
        p.critical = r.nextBoolean();
        p.criticality = p.critical ? CRIT[r.nextInt(CRIT.length)] : (r.nextBoolean() ? "QM" : "qm");
        if (p.critical) {
            p.cores.add(freeCores.remove(0));
        } else {
            for (int c = 0; c < 4; c++) {
                if (r.nextInt(3) == 0 || (c == 3 && p.cores.isEmpty())) {
                    p.cores.add(c);
                }
            }
        }
        p.privileged = Boolean.toString(r.nextInt(4) == 0);
        p.watchdog = r.nextBoolean() ? "0" : (1 + r.nextInt(20)) + "ms";
        regions(r, p, i);
        for (int d = 0, nd = r.nextInt(3); d < nd && !devices.isEmpty(); d++) {
            p.devices.add(devices.remove(0));
        }
        if (!p.devices.isEmpty() && r.nextInt(3) == 0) {
            p.overrides.add("{line: " + line(p.devices.get(0)) + ", core: "
                    + p.cores.get(r.nextInt(p.cores.size())) + ", priority: " + (1 + r.nextInt(7)) + "}");
        }
        p.workload = p.critical || r.nextBoolean() ? rtos(r, p) : r.nextBoolean() ? richOs(r, p) : probe(r, p);
        return p;
    }

    static int line(String device) {
        return LINES.get(DEVICES.indexOf(device));
    }

    private static void regions(Random r, Part p, int i) {
        int n = 1 + r.nextInt(3);
        for (int j = 0; j < n; j++) {
            Region m = new Region();
            m.name = "m" + i + "-" + j;
            m.size = 1L << (12 + r.nextInt(13));
            m.base = RAM + (i + 1) * 0x400_0000L + j * 0x100_0000L;
            m.access = List.of("r", "rw", "rx", "rwx", "x").get(r.nextInt(5));
            p.memory.add(m);
        }
    }

    private static String isr(Random r, Part p) {
        return p.devices.isEmpty() || r.nextBoolean() ? ""
                : "\n      isr: {device: " + p.devices.get(0) + ", work: " + (1 + r.nextInt(50)) + "us}";
    }

    private static String rtos(Random r, Part p) {
        StringBuilder sb = new StringBuilder("kind: rtos\n      boot: " + r.nextInt(5)
                + "ms\n      tick: 1ms\n      tasks:");
        int n = 1 + r.nextInt(4);
        for (int t = 0; t < n; t++) {
            long period = List.of(1_000_000L, 2_000_000L, 5_000_000L, 10_000_000L).get(r.nextInt(4));
            long wcet = Math.max(1, period * (1 + r.nextInt(90 / n)) / 100);
            long deadline = wcet + (long) (r.nextDouble() * (period - wcet));
            sb.append("\n        - {name: t").append(t).append(", period: ").append(period)
                    .append(", wcet: ").append(wcet).append(", deadline: ").append(deadline).append("}");
        }
        return sb.append(isr(r, p)).toString();
    }

    private static String richOs(Random r, Part p) {
        int burst = 1 + r.nextInt(10);
        int idle = 100 + r.nextInt(900);
        return "kind: rich-os\n      boot: 10ms\n      tick: 4ms\n      burst: {min: " + burst + "ms, max: "
                + (burst + r.nextInt(10)) + "ms}\n      idle: {min: " + idle + "us, max: " + (idle + r.nextInt(1000))
                + "us}" + isr(r, p);
    }

    private static String probe(Random r, Part p) {
        StringBuilder sb = new StringBuilder("kind: probe\n      start: " + r.nextInt(1000) + "us\n      accesses:");
        for (int a = 0, n = 1 + r.nextInt(5); a < n; a++) {
            Region m = p.memory.get(r.nextInt(p.memory.size()));
            String kind = List.of("read", "write", "execute").get(r.nextInt(3));
            int size = kind.equals("execute") ? 4 : List.of(1, 2, 4, 8).get(r.nextInt(4));
            sb.append("\n        - {address: 0x").append(Long.toHexString(m.base + 8L * r.nextInt(16)))
                    .append(", size: ").append(size)
                    .append(", access: ").append(kind)
                    .append(List.of("", ", expect: allowed", ", expect: denied").get(r.nextInt(3))).append("}");
        }
        return sb.toString();
    }

    /** @return the YAML text of this system. */
    String yaml() {
        StringBuilder sb = new StringBuilder("target: riscv\npartitions:\n");
        for (Part p : parts) {
            sb.append("  - name: ").append(p.name).append('\n')
                    .append("    criticality: ").append(p.criticality).append('\n')
                    .append("    cores: ").append(p.cores).append('\n')
                    .append("    privileged: ").append(p.privileged).append('\n')
                    .append("    watchdog: ").append(p.watchdog).append('\n');
            if (p.extraKey != null) {
                sb.append("    ").append(p.extraKey).append(": 1\n");
            }
            sb.append("    memory:\n");
            for (Region m : p.memory) {
                sb.append("      - {name: ").append(m.name).append(", base: 0x").append(Long.toHexString(m.base))
                        .append(", size: ").append(m.size).append(", access: ").append(m.access).append("}\n");
            }
            sb.append("    devices: ").append(p.devices).append('\n')
                    .append("    interrupts: ").append(p.overrides).append('\n')
                    .append("    workload:\n      ").append(p.workload).append('\n');
        }
        sb.append("devices: ").append(stimuli).append('\n');
        return sb.append("run: {duration: 20ms, seed: 3}\n").toString();
    }
}
