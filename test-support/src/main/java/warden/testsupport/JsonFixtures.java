package warden.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fixtures the modules' tests share for the JSON the project writes and publishes: a file or a
 * class-path resource read and parsed with {@link StrictJson}. A missing file, a missing resource or
 * text that is not JSON fails the calling test with an {@link AssertionError} naming the file.
 */
public final class JsonFixtures {
    private JsonFixtures() {
    }

    /** @return the value of the JSON file {@code file}. */
    public static Object file(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** @return the JSON object of the file {@code file}. */
    public static Map<String, Object> objectFile(Path file) {
        return object(file(file), file.toString());
    }

    /** @return the text of the class-path resource {@code name}, as {@code anchor.getResourceAsStream} finds it. */
    public static String resourceText(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("resource " + name + " is not on the class path of " + anchor.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read resource " + name + ": " + e.getMessage(), e);
        }
    }

    /** @return the JSON object of the class-path resource {@code name} (a schema, for example). */
    public static Map<String, Object> resource(Class<?> anchor, String name) {
        return object(parse(resourceText(anchor, name), name), name);
    }

    private static Object parse(String text, String source) {
        try {
            return StrictJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(source + " is not JSON: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v, String source) {
        if (!(v instanceof Map)) {
            throw new AssertionError(source + " holds " + JsonSchema.describe(v) + ", not a JSON object");
        }
        return (Map<String, Object>) v;
    }
}
