package warden.launcher.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Checks an instance (as SnakeYAML's {@code load()} returns it) against the subset of JSON Schema
 * 2020-12 that system-description.schema.json uses; returns the violations as "path: what".
 */
final class MiniSchema {
    private final Map<String, Object> root;

    MiniSchema(Map<String, Object> root) {
        this.root = root;
    }

    List<String> check(Object instance) {
        List<String> out = new ArrayList<>();
        check(root, instance, "$", out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ((String) ref).substring("#/$defs/".length());
        return (Map<String, Object>) ((Map<String, Object>) root.get("$defs")).get(name);
    }

    @SuppressWarnings("unchecked")
    void check(Map<String, Object> schema, Object v, String path, List<String> out) {
        if (schema.containsKey("$ref")) {
            check(resolve(schema), v, path, out);
        }
        Object type = schema.get("type");
        if (type != null && !typeOk((String) type, v)) {
            out.add(path + ": not " + type);
            return;
        }
        if (schema.containsKey("enum") && ((List<Object>) schema.get("enum")).stream().noneMatch(e -> same(e, v))) {
            out.add(path + ": not in " + schema.get("enum"));
        }
        if (schema.containsKey("const") && !same(schema.get("const"), v)) {
            out.add(path + ": not " + schema.get("const"));
        }
        if (schema.containsKey("pattern") && v instanceof String s
                && !java.util.regex.Pattern.compile((String) schema.get("pattern")).matcher(s).find()) {
            out.add(path + ": does not match " + schema.get("pattern"));
        }
        numbers(schema, v, path, out);
        if (schema.containsKey("oneOf")) {
            int matches = 0;
            for (Object alt : (List<Object>) schema.get("oneOf")) {
                List<String> sub = new ArrayList<>();
                check((Map<String, Object>) alt, v, path, sub);
                matches += sub.isEmpty() ? 1 : 0;
            }
            if (matches != 1) {
                out.add(path + ": matches " + matches + " of oneOf");
            }
        }
        if (v instanceof Map<?, ?> m) {
            object(schema, (Map<String, Object>) m, path, out);
        } else if (v instanceof List<?> l) {
            array(schema, (List<Object>) l, path, out);
        }
    }

    private static boolean typeOk(String type, Object v) {
        return switch (type) {
            case "object" -> v instanceof Map;
            case "array" -> v instanceof List;
            case "string" -> v instanceof String;
            case "boolean" -> v instanceof Boolean;
            case "integer" -> v instanceof Integer || v instanceof Long || v instanceof BigInteger;
            default -> false;
        };
    }

    private static boolean same(Object schemaValue, Object v) {
        if (schemaValue instanceof BigDecimal d) {
            return typeOk("integer", v) && new BigDecimal(v.toString()).compareTo(d) == 0;
        }
        return schemaValue.equals(v);
    }

    private static void numbers(Map<String, Object> schema, Object v, String path, List<String> out) {
        if (!typeOk("integer", v)) {
            return;
        }
        BigDecimal n = new BigDecimal(v.toString());
        if (schema.get("minimum") instanceof BigDecimal min && n.compareTo(min) < 0
                || schema.get("maximum") instanceof BigDecimal max && n.compareTo(max) > 0
                || schema.get("exclusiveMaximum") instanceof BigDecimal em && n.compareTo(em) >= 0) {
            out.add(path + ": " + n + " out of range");
        }
    }

    @SuppressWarnings("unchecked")
    private void object(Map<String, Object> schema, Map<String, Object> m, String path, List<String> out) {
        Map<String, Object> props = (Map<String, Object>) schema.get("properties");
        if (schema.containsKey("required")) {
            for (Object k : (List<Object>) schema.get("required")) {
                if (!m.containsKey(k)) {
                    out.add(path + ": missing " + k);
                }
            }
        }
        if (props == null) {
            return;
        }
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object sub = props.get(e.getKey());
            if (sub == null) {
                if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                    out.add(path + ": unknown key " + e.getKey());
                }
            } else {
                check((Map<String, Object>) sub, e.getValue(), path + "." + e.getKey(), out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void array(Map<String, Object> schema, List<Object> l, String path, List<String> out) {
        if (schema.get("minItems") instanceof BigDecimal min && l.size() < min.intValue()
                || schema.get("maxItems") instanceof BigDecimal max && l.size() > max.intValue()) {
            out.add(path + ": " + l.size() + " items out of range");
        }
        if (Boolean.TRUE.equals(schema.get("uniqueItems")) && new HashSet<>(l).size() != l.size()) {
            out.add(path + ": items not unique");
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < l.size(); i++) {
                check((Map<String, Object>) items, l.get(i), path + "[" + i + "]", out);
            }
        }
    }
}
