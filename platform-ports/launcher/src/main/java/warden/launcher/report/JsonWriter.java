package warden.launcher.report;

import warden.emu.Json;

/**
 * A small streaming JSON writer with stable formatting (two-space indent, keys in call order), so
 * that equal results give byte-identical files.
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean first = true;
    private boolean afterKey;

    private void separate() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        if (!first) {
            out.append(',');
        }
        if (depth > 0) {
            out.append('\n').append("  ".repeat(depth));
        }
        first = false;
    }

    public JsonWriter beginObject() {
        separate();
        out.append('{');
        depth++;
        first = true;
        return this;
    }

    public JsonWriter endObject() {
        return close('}');
    }

    public JsonWriter beginArray() {
        separate();
        out.append('[');
        depth++;
        first = true;
        return this;
    }

    public JsonWriter endArray() {
        return close(']');
    }

    private JsonWriter close(char c) {
        depth--;
        if (!first) {
            out.append('\n').append("  ".repeat(depth));
        }
        out.append(c);
        first = false;
        return this;
    }

    public JsonWriter key(String k) {
        separate();
        out.append(Json.quote(k)).append(": ");
        afterKey = true;
        return this;
    }

    public JsonWriter value(String v) {
        separate();
        out.append(Json.quote(v));
        return this;
    }

    public JsonWriter value(long v) {
        separate();
        out.append(v);
        return this;
    }

    public JsonWriter value(boolean v) {
        separate();
        out.append(v);
        return this;
    }

    public JsonWriter nullValue() {
        separate();
        out.append("null");
        return this;
    }

    public JsonWriter field(String k, String v) {
        return v == null ? key(k).nullValue() : key(k).value(v);
    }

    public JsonWriter field(String k, long v) {
        return key(k).value(v);
    }

    public JsonWriter field(String k, boolean v) {
        return key(k).value(v);
    }

    @Override
    public String toString() {
        return out.toString() + "\n";
    }
}
