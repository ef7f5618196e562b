package warden.launcher.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The built-in system description (resource {@value #RESOURCE}): an ASIL-C RTOS on hart 0 with
 * uart1 and can0, and a QM rich OS on harts 0-3 with uart0 and nic0, sharing hart 0; can0 receives
 * a CAN frame (identifier 0x120) every 2 ms, nic0 an Ethernet frame at random intervals averaging
 * 300 us (into the receive ring the rich OS's driver sets up);
 * 100 ms, seed 42.
 *
 * [impl->dsn~config.default-system~1]
 */
public final class DefaultSystem {
    /** Class-path location of the default description. */
    public static final String RESOURCE = "/warden/default-system.yaml";
    /** Source name problems and traces use for the default description. */
    public static final String SOURCE = "default-system.yaml";

    private DefaultSystem() {
    }

    /** @return the YAML text of the default system. */
    public static String text() {
        try (InputStream in = DefaultSystem.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the default system's text for {@code target} (null: the file's own): on x86 without its
     *     channels, which the validator refuses there (SMRR cannot fence a ring between SMM and the
     *     rich OS). [impl->dsn~config.default-system~1]
     */
    public static String text(String target) {
        String all = text();
        if (!"x86".equals(target)) {
            return all;
        }
        StringBuilder out = new StringBuilder();
        boolean inChannels = false;
        for (String line : all.split("\n", -1)) {
            if (line.startsWith("channels:")) {
                inChannels = true;
                continue;
            }
            if (inChannels && !line.isEmpty() && line.charAt(0) != ' ') {
                inChannels = false;
            }
            if (!inChannels) {
                out.append(line).append('\n');
            }
        }
        return out.substring(0, out.length() - 1);
    }

    /** @return the default system, loaded (always succeeds for the shipped resource). */
    public static LoadResult load() {
        return DescriptionLoader.parse(text(), SOURCE);
    }

    /** @return the default system for {@code target} (see {@link #text(String)}), loaded. */
    public static LoadResult load(String target) {
        return DescriptionLoader.parse(text(target), SOURCE);
    }
}
