package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import warden.arm.Psci;
import warden.kernel.api.MonitorCall;

/**
 * What the README says about Arm PSCI is what {@link Psci} does: every PSCI function it calls a
 * kernel call maps to that call, and every one it says returns NOT_SUPPORTED is unknown to the kernel
 * and not answered by the monitor.
 */
class ReadmePsciTest {
    /** @return the function ids of a PSCI function name (NAME, or its _32 and _64 forms). */
    private static List<Integer> ids(String name) throws IllegalAccessException {
        List<Integer> out = new ArrayList<>();
        for (Field f : Psci.class.getFields()) {
            boolean named = f.getName().equals(name) || f.getName().equals(name + "_32")
                    || f.getName().equals(name + "_64");
            if (named && Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                out.add(f.getInt(null));
            }
        }
        assertFalse(out.isEmpty(), "the README names PSCI function " + name + ", which Psci does not define");
        return out;
    }

    private static String readme() throws Exception {
        return Files.readString(Repo.root().resolve("README.adoc")).replaceAll("\\s+", " ");
    }

    // [utest->dsn~arm.psci-documented~1]
    @Test
    void everyPsciMappingTheReadmeStatesIsTheCodes() throws Exception {
        String text = readme();
        Matcher m = Pattern.compile("`((?:CPU|SYSTEM)_[A-Z_]+)` is `([A-Z_]+)`").matcher(text);
        int mappings = 0;
        while (m.find()) {
            for (int fid : ids(m.group(1))) {
                assertEquals(m.group(2), MonitorCall.name(Psci.callId(fid)), m.group(0));
            }
            mappings++;
        }
        assertEquals(4, mappings, "CPU_SUSPEND, CPU_OFF, CPU_ON and SYSTEM_RESET should each be stated once");
    }

    // [utest->dsn~arm.psci-documented~1]
    @Test
    void everyPsciFunctionTheReadmeSaysIsNotSupportedIsUnknownToTheKernel() throws Exception {
        String text = readme();
        Matcher clause = Pattern.compile("([^.;:]*)return `NOT_SUPPORTED`").matcher(text);
        int named = 0;
        while (clause.find()) {
            Matcher f = Pattern.compile("`((?:CPU|SYSTEM|PSCI)_[A-Z_]+)`").matcher(clause.group(1));
            while (f.find()) {
                for (int fid : ids(f.group(1))) {
                    assertEquals(MonitorCall.UNKNOWN, Psci.callId(fid), clause.group(0));
                    assertFalse(Psci.answeredByMonitor(fid), clause.group(0));
                }
                named++;
            }
        }
        assertTrue(named >= 1, "the README should name the PSCI functions that return NOT_SUPPORTED");
    }
}
