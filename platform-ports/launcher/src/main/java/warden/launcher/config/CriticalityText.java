package warden.launcher.config;

import java.util.Locale;
import warden.kernel.api.Criticality;

/**
 * Reads a criticality from configuration text into the kernel's {@link Criticality} id; the
 * kernel itself holds ids and names only, never parses text.
 */
public final class CriticalityText {
    private CriticalityText() {
    }

    /**
     * @return the id for a name such as "ASIL-C", "C", "QM" (case-insensitive), or -1.
     *
     * [impl->dsn~kernel.image.criticality~1]
     */
    public static int parse(String text) {
        if (text == null) {
            return -1;
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        if (t.equals("QM")) {
            return Criticality.QM;
        }
        if (t.startsWith("ASIL-")) {
            t = t.substring(5);
        } else if (t.startsWith("ASIL")) {
            t = t.substring(4);
        }
        switch (t) {
            case "A": return Criticality.ASIL_A;
            case "B": return Criticality.ASIL_B;
            case "C": return Criticality.ASIL_C;
            case "D": return Criticality.ASIL_D;
            default: return -1;
        }
    }
}
