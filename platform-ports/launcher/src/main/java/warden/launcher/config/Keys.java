package warden.launcher.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys each mapping of the system-description format may hold, by the name of its definition
 * in {@code system-description.schema.json} ({@code $defs}). The loader rejects every other key;
 * a test checks that the schema declares exactly these.
 *
 * [impl->dsn~config.strict-keys~1]
 * [impl->dsn~config.schema~1]
 */
public final class Keys {
    /** Keys per mapping kind, in the order documentation lists them. */
    public static final Map<String, List<String>> BY_DEFINITION = build();

    private Keys() {
    }

    private static Map<String, List<String>> build() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("system", List.of("target", "monitor", "partitions", "devices", "channels", "mediated", "updates",
            "run"));
        m.put("monitor", List.of("memory"));
        m.put("memoryRange", List.of("base", "size"));
        m.put("image", List.of("file", "size", "load"));
        m.put("partition", List.of("name", "criticality", "cores", "privileged", "entry", "image", "digest",
                "watchdog", "health", "snapshot", "memory", "devices", "interrupts", "workload"));
        m.put("health", List.of("bootTimeout", "faultLimit", "irqLimit", "window", "restarts", "onFailure",
                "escalate"));
        m.put("snapshot", List.of("at", "period", "onRequestBy"));
        m.put("region", List.of("name", "base", "size", "access"));
        m.put("line", List.of("line", "core", "priority"));
        m.put("rtos", List.of("kind", "boot", "tick", "tasks", "isr"));
        m.put("task", List.of("name", "period", "wcet", "deadline"));
        m.put("isr", List.of("device", "work"));
        m.put("richOs", List.of("kind", "boot", "tick", "burst", "idle", "isr", "canTx"));
        m.put("canTx", List.of("device", "mailbox", "id", "period"));
        m.put("range", List.of("min", "max"));
        m.put("probe", List.of("kind", "start", "accesses"));
        m.put("hostile", List.of("kind", "start", "period", "operations", "mix", "seed"));
        m.put("elf", List.of("kind", "file", "sha256"));
        m.put("linux", List.of("kind", "image", "sha256", "bootargs"));
        m.put("hostileMix", List.of("calls", "loads", "stores", "fetches"));
        m.put("probeAccess", List.of("address", "size", "access", "expect"));
        m.put("stimulus", List.of("name", "period", "meanInterval", "seed", "id", "extended"));
        m.put("channel", List.of("name", "from", "to", "slotSize", "slots", "doorbell", "full", "protection"));
        m.put("channelProtection", List.of("dataId", "maxAge", "counterWindow", "crc"));
        m.put("mediated", List.of("device", "acl"));
        m.put("aclEntry", List.of("partition", "register", "access", "mask", "range", "rate", "preset"));
        m.put("update", List.of("partition", "by", "maxSize", "key", "version", "trial", "send"));
        m.put("updateSend", List.of("file", "at", "powerLossAfter"));
        m.put("run", List.of("duration", "seed"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** @return the keys of a definition; throws for a definition the format does not have. */
    public static List<String> of(String definition) {
        List<String> keys = BY_DEFINITION.get(definition);
        if (keys == null) {
            throw new IllegalArgumentException("no definition " + definition);
        }
        return keys;
    }
}
