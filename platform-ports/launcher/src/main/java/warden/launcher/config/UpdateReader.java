package warden.launcher.config;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import warden.emu.guest.UpdatePackage;
import warden.kernel.api.UpdateReason;

/**
 * Reads the {@code updates} section: a list of {@code {partition, by, maxSize, key, version,
 * trial, send: {file, at, powerLossAfter}}}, each problem located at its field.
 *
 * [impl->dsn~config.update~1]
 */
final class UpdateReader {
    static final int UPDATES_MAX = 16;
    private final Nodes nodes;

    UpdateReader(Nodes nodes) {
        this.nodes = nodes;
    }

    /** @return the update sections, or null when a problem was recorded. */
    List<UpdateSpec> read(Node n) {
        List<Node> items = nodes.list(n, "updates", 0, UPDATES_MAX);
        if (items == null) {
            return null;
        }
        List<UpdateSpec> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) { // at most UPDATES_MAX
            out.add(update(items.get(i), "updates[" + i + "]"));
        }
        return out.contains(null) ? null : out;
    }

    private UpdateSpec update(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "update");
        if (f == null) {
            return null;
        }
        Node pn = nodes.required(f, "partition", n, path);
        String partition = pn == null ? null : nodes.string(pn, path + ".partition");
        Node bn = nodes.required(f, "by", n, path);
        String by = bn == null ? null : nodes.string(bn, path + ".by");
        Node sn = nodes.required(f, "maxSize", n, path);
        Long max = sn == null ? null : nodes.size(sn, path + ".maxSize");
        Node kn = nodes.required(f, "key", n, path);
        byte[] key = kn == null ? null : key(kn, path + ".key");
        java.math.BigInteger v = f.containsKey("version") ? nodes.integer(f.get("version"), path + ".version",
                java.math.BigInteger.ZERO, java.math.BigInteger.valueOf(UpdateReason.VERSION_MAX))
                : java.math.BigInteger.ZERO;
        Long trial = f.containsKey("trial") ? nodes.duration(f.get("trial"), path + ".trial")
                : Long.valueOf(UpdateSpec.DEFAULT_TRIAL_NS);
        if (trial != null && trial <= 0) {
            nodes.error(f.get("trial"), path + ".trial", "a trial window is longer than 0");
            trial = null;
        }
        UpdateSpec.Send send = f.containsKey("send") ? send(f.get("send"), path + ".send") : null;
        if (partition == null || by == null || max == null || key == null || v == null || trial == null
                || f.containsKey("send") && send == null) {
            return null;
        }
        return new UpdateSpec(partition, by, max, key, v.longValueExact(), trial, send, nodes.loc(n, path));
    }

    private byte[] key(Node n, String path) {
        String text = nodes.string(n, path);
        if (text == null) {
            return null;
        }
        if (!text.matches("[0-9a-fA-F]{64}")) {
            nodes.error(n, path, "key '" + text + "': expected an Ed25519 public key, 64 hex digits (warden keygen"
                    + " writes it to NAME.pub)");
            return null;
        }
        return HexFormat.of().parseHex(text);
    }

    private UpdateSpec.Send send(Node n, String path) {
        Map<String, Node> f = nodes.mapping(n, path, "updateSend");
        if (f == null) {
            return null;
        }
        Node fn = nodes.required(f, "file", n, path);
        String file = fn == null ? null : nodes.string(fn, path + ".file");
        Node an = nodes.required(f, "at", n, path);
        Long at = an == null ? null : nodes.duration(an, path + ".at");
        java.math.BigInteger loss = f.containsKey("powerLossAfter") ? nodes.integer(f.get("powerLossAfter"),
                path + ".powerLossAfter", java.math.BigInteger.ZERO, java.math.BigInteger.valueOf(1 << 20))
                : java.math.BigInteger.valueOf(-1);
        byte[] bytes = file == null ? null : nodes.readImage(fn, path + ".file", file,
                UpdatePackage.HEADER + UpdateReason.MANIFEST_BYTES + warden.kernel.api.SystemImage.IMAGE_BYTES_MAX);
        if (bytes == null || at == null || loss == null) {
            return null;
        }
        try {
            return new UpdateSpec.Send(UpdatePackage.parse(bytes), file, at, loss.intValueExact(), nodes.loc(n, path));
        } catch (IllegalArgumentException e) {
            nodes.error(fn, path + ".file", "'" + file + "': " + e.getMessage());
            return null;
        }
    }
}
