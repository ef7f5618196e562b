package warden.launcher.config;

import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import warden.kernel.api.HealthAction;

/** Reads a partition's {@code health} block; absent keys take the defaults of its criticality. */
final class HealthReader {
    private final Nodes nodes;

    HealthReader(Nodes nodes) {
        this.nodes = nodes;
    }

    /** @return the policy, or null after recording problems. */
    HealthSpec read(Node n, String path, int criticality) {
        Map<String, Node> f = nodes.mapping(n, path, "health");
        if (f == null) {
            return null;
        }
        HealthSpec d = HealthSpec.defaults(criticality, nodes.loc(n, path));
        Long boot = f.containsKey("bootTimeout") ? nodes.duration(f.get("bootTimeout"), path + ".bootTimeout")
                : Long.valueOf(d.bootTimeoutNs());
        Integer faults = f.containsKey("faultLimit") ? nodes.smallInt(f.get("faultLimit"), path + ".faultLimit", 0,
                1_000_000)
                : Integer.valueOf(d.faultLimit());
        Integer irqs = f.containsKey("irqLimit") ? nodes.smallInt(f.get("irqLimit"), path + ".irqLimit", 0, 1_000_000)
                : Integer.valueOf(d.irqLimit());
        Long window = f.containsKey("window") ? nodes.duration(f.get("window"), path + ".window")
                : Long.valueOf(d.windowNs());
        Integer restarts = f.containsKey("restarts") ? nodes.smallInt(f.get("restarts"), path + ".restarts", 0, 1000)
                : Integer.valueOf(d.restarts());
        Integer onFailure = f.containsKey("onFailure") ? action(f.get("onFailure"), path + ".onFailure")
                : Integer.valueOf(d.onFailure());
        Integer escalate = f.containsKey("escalate") ? action(f.get("escalate"), path + ".escalate")
                : Integer.valueOf(d.escalate());
        if (boot == null || faults == null || irqs == null || window == null || restarts == null || onFailure == null
                || escalate == null) {
            return null;
        }
        if (window <= 0) {
            nodes.error(f.get("window"), path + ".window", "window must be greater than 0");
            return null;
        }
        if (escalate == HealthAction.RESTART || escalate == HealthAction.RESTORE) {
            nodes.error(f.get("escalate"), path + ".escalate",
                    "escalate must be stop or safe-state: restarts and restores are what it escalates from");
            return null;
        }
        return new HealthSpec(boot, faults, irqs, window, restarts, onFailure, escalate, nodes.loc(n, path));
    }

    private Integer action(Node n, String path) {
        String s = nodes.string(n, path);
        if (s == null) {
            return null;
        }
        int a = HealthAction.parse(s);
        if (a < 0) {
            nodes.error(n, path, "expected restart, stop, safe-state or restore, found '" + s + "'");
            return null;
        }
        return a;
    }
}
