package warden.testsupport;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON Schema (draft 2020-12) checker for tests, over the subset the project's schemas use. The
 * instance may come from {@link StrictJson} (numbers {@code BigInteger}/{@code BigDecimal}) or from
 * SnakeYAML's {@code load()} ({@code Integer}, {@code Long}, {@code Double}). It knows:
 * {@code $ref} to {@code #/$defs/NAME}, {@code type} (one or a list), {@code required},
 * {@code properties}, {@code patternProperties}, {@code additionalProperties} (boolean or schema),
 * {@code items},
 * {@code enum}, {@code const}, {@code pattern}, {@code minLength}, {@code minimum},
 * {@code maximum}, {@code exclusiveMaximum}, {@code minItems}, {@code maxItems},
 * {@code uniqueItems} and {@code oneOf}; annotations are ignored. Any other keyword is reported as
 * a problem, so a schema can never hold a constraint this checker silently skips.
 */
public final class JsonSchema {
    private static final Set<String> KNOWN = Set.of("$ref", "type", "required", "properties",
            "additionalProperties", "items", "enum", "const", "pattern", "minLength", "minimum", "maximum",
            "exclusiveMaximum", "minItems", "maxItems", "uniqueItems", "oneOf", "patternProperties");
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title",
            "description", "default", "examples");

    private final Map<String, Object> root;

    /** A checker for the schema {@code root} (as {@link StrictJson} parses it). */
    public JsonSchema(Map<String, Object> root) {
        this.root = root;
    }

    /** @return every place where {@code instance} breaks the schema, as "$.path: problem"; empty when it conforms. */
    public List<String> check(Object instance) {
        List<String> out = new ArrayList<>();
        check(root, instance, "$", out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(String ref, String path, List<String> out) {
        if (!ref.startsWith("#/$defs/")) {
            out.add(path + ": unsupported $ref " + ref);
            return null;
        }
        Object defs = root.get("$defs");
        Object target = defs instanceof Map ? ((Map<String, Object>) defs).get(ref.substring(8)) : null;
        if (!(target instanceof Map)) {
            out.add(path + ": $ref " + ref + " names no definition");
            return null;
        }
        return (Map<String, Object>) target;
    }

    @SuppressWarnings("unchecked")
    private void check(Map<String, Object> schema, Object v, String path, List<String> out) {
        for (String k : schema.keySet()) {
            if (!KNOWN.contains(k) && !ANNOTATIONS.contains(k)) {
                out.add(path + ": the schema uses keyword '" + k + "' which this checker does not know");
            }
        }
        if (schema.get("$ref") instanceof String ref) {
            Map<String, Object> target = resolve(ref, path, out);
            if (target != null) {
                check(target, v, path, out);
            }
        }
        Object type = schema.get("type");
        if (type != null && !typeOk(type, v)) {
            out.add(path + ": expected " + type + ", found " + describe(v));
            return;
        }
        if (schema.containsKey("const") && !same(schema.get("const"), v)) {
            out.add(path + ": expected the constant " + schema.get("const") + ", found " + describe(v));
        }
        if (schema.get("enum") instanceof List<?> values && values.stream().noneMatch(e -> same(e, v))) {
            out.add(path + ": " + describe(v) + " is not one of " + values);
        }
        if (v instanceof String s) {
            text(schema, s, path, out);
        }
        if (v instanceof Number n) {
            number(schema, value(n), path, out);
        }
        if (schema.get("oneOf") instanceof List<?> alternatives) {
            oneOf((List<Object>) alternatives, v, path, out);
        }
        if (v instanceof Map<?, ?> m) {
            object(schema, (Map<String, Object>) m, path, out);
        }
        if (v instanceof List<?> list) {
            array(schema, list, path, out);
        }
    }

    private static void text(Map<String, Object> schema, String s, String path, List<String> out) {
        if (schema.get("pattern") instanceof String p && !Pattern.compile(p).matcher(s).find()) {
            out.add(path + ": '" + s + "' does not match " + p);
        }
        if (schema.get("minLength") instanceof Number min && s.codePointCount(0, s.length()) < min.intValue()) {
            out.add(path + ": '" + s + "' is shorter than " + min + " characters");
        }
    }

    private static void number(Map<String, Object> schema, BigDecimal n, String path, List<String> out) {
        if (schema.get("minimum") instanceof Number min && n.compareTo(value(min)) < 0) {
            out.add(path + ": " + n + " is below the minimum " + min);
        }
        if (schema.get("maximum") instanceof Number max && n.compareTo(value(max)) > 0) {
            out.add(path + ": " + n + " is above the maximum " + max);
        }
        if (schema.get("exclusiveMaximum") instanceof Number max && n.compareTo(value(max)) >= 0) {
            out.add(path + ": " + n + " is not below the exclusive maximum " + max);
        }
    }

    @SuppressWarnings("unchecked")
    private void oneOf(List<Object> alternatives, Object v, String path, List<String> out) {
        int matches = 0;
        for (Object alt : alternatives) {
            List<String> sub = new ArrayList<>();
            check(alt instanceof Map ? (Map<String, Object>) alt : Map.of(), v, path, sub);
            matches += sub.isEmpty() ? 1 : 0;
        }
        if (matches != 1) {
            out.add(path + ": " + describe(v) + " matches " + matches
                    + " of the oneOf alternatives, exactly 1 expected");
        }
    }

    @SuppressWarnings("unchecked")
    private void object(Map<String, Object> schema, Map<String, Object> m, String path, List<String> out) {
        if (schema.get("required") instanceof List<?> req) {
            for (Object k : req) {
                if (!m.containsKey((String) k)) {
                    out.add(path + ": missing required property '" + k + "'");
                }
            }
        }
        Map<String, Object> props = schema.get("properties") instanceof Map<?, ?> p
                ? (Map<String, Object>) p : Map.of();
        Object additional = schema.get("additionalProperties");
        Map<String, Object> patterns = schema.get("patternProperties") instanceof Map<?, ?> pp
                ? (Map<String, Object>) pp : Map.of();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String at = path + "." + e.getKey();
            boolean matched = false;
            for (Map.Entry<String, Object> pe : patterns.entrySet()) {
                if (java.util.regex.Pattern.compile(pe.getKey()).matcher(e.getKey()).find()
                        && pe.getValue() instanceof Map<?, ?> sub) {
                    check((Map<String, Object>) sub, e.getValue(), at, out);
                    matched = true;
                }
            }
            if (props.get(e.getKey()) instanceof Map<?, ?> sub) {
                check((Map<String, Object>) sub, e.getValue(), at, out);
            } else if (matched) {
                continue; // a pattern property: checked above, not an additional one
            } else if (Boolean.FALSE.equals(additional)) {
                out.add(at + ": property not allowed by the schema");
            } else if (additional instanceof Map<?, ?> sub) {
                check((Map<String, Object>) sub, e.getValue(), at, out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void array(Map<String, Object> schema, List<?> list, String path, List<String> out) {
        if (schema.get("minItems") instanceof Number n && list.size() < n.intValue()) {
            out.add(path + ": " + list.size() + " items, at least " + n + " expected");
        }
        if (schema.get("maxItems") instanceof Number n && list.size() > n.intValue()) {
            out.add(path + ": " + list.size() + " items, at most " + n + " expected");
        }
        if (Boolean.TRUE.equals(schema.get("uniqueItems")) && new HashSet<>(list).size() != list.size()) {
            out.add(path + ": items not unique");
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            for (int j = 0; j < list.size(); j++) {
                check((Map<String, Object>) items, list.get(j), path + "[" + j + "]", out);
            }
        }
    }

    private static boolean typeOk(Object type, Object v) {
        if (type instanceof List<?> types) {
            return types.stream().anyMatch(t -> typeOk(t, v));
        }
        switch (String.valueOf(type)) {
            case "object": return v instanceof Map;
            case "array": return v instanceof List;
            case "string": return v instanceof String;
            case "boolean": return v instanceof Boolean;
            case "null": return v == null;
            case "integer": return v instanceof Integer || v instanceof Long || v instanceof Short
                    || v instanceof Byte || v instanceof BigInteger
                    || v instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0;
            case "number": return v instanceof Number;
            default: return false;
        }
    }

    private static BigDecimal value(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }

    /** JSON equality: numbers by value, everything else by equals. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return value(x).compareTo(value(y)) == 0;
        }
        return Objects.equals(a, b);
    }

    /** @return a value as problems name it: "null", "an object", "the string 'x'", "integer 3". */
    public static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        if (v instanceof String s) {
            return "the string '" + s + "'";
        }
        return v.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + v;
    }
}
