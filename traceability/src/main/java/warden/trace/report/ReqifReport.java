package warden.trace.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import warden.trace.link.ItemTrace;
import warden.trace.link.Trace;
import warden.trace.model.SpecItem;

/**
 * {@code trace.reqif}: a ReqIF 1.2 document (OMG ReqIF 1.2, namespace
 * {@code http://www.omg.org/spec/ReqIF/20110401/reqif.xsd}) for DOORS and Polarion users. One
 * SPEC-OBJECT per item with string attributes ReqIF.ForeignID (the id), ReqIF.Name (title),
 * ReqIF.Text, ASIL, Status and Type; one SPEC-RELATION of type "covers" per link, from the covering
 * item to the covered one; one SPECIFICATION listing every object. Identifiers are derived from the
 * item ids, so they stay stable from one export to the next.
 *
 * [impl->dsn~trace.report.reqif~1]
 */
public final class ReqifReport {
    private static final List<String> ATTRS = List.of("ReqIF.ForeignID", "ReqIF.Name", "ReqIF.Text", "ASIL",
            "Status", "Type");

    private static final List<String> ATTR_IDS = ATTRS.stream().map(a -> ident("attr", a)).toList();

    private ReqifReport() {
    }

    /** @return the whole report as one string. */
    public static String render(Trace t) {
        StringBuilder b = new StringBuilder(1 << 16);
        render(t, b, Spill.KEEP);
        return b.toString();
    }

    /** Renders into {@code b}, handing it to {@code spill} between items. */
    static void render(Trace t, StringBuilder b, Spill spill) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, String> ids = new HashMap<>(t.items.size() * 2);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<REQ-IF xmlns=\"http://www.omg.org/spec/ReqIF/20110401/reqif.xsd\">\n")
                .append("  <THE-HEADER><REQ-IF-HEADER IDENTIFIER=\"warden-trace-header\"><CREATION-TIME>").append(now)
                .append("</CREATION-TIME><REQ-IF-TOOL-ID>warden.trace</REQ-IF-TOOL-ID><REQ-IF-VERSION>1.0")
                .append("</REQ-IF-VERSION><SOURCE-TOOL-ID>warden.trace</SOURCE-TOOL-ID><TITLE>Warden requirements")
                .append("</TITLE></REQ-IF-HEADER></THE-HEADER>\n  <CORE-CONTENT><REQ-IF-CONTENT>\n");
        types(b, now);
        b.append("    <SPEC-OBJECTS>\n");
        for (ItemTrace it : t.items.values()) {
            object(b, it, now, obj(ids, it.id()));
            spill.check(b);
        }
        b.append("    </SPEC-OBJECTS>\n    <SPEC-RELATIONS>\n");
        for (ItemTrace it : t.items.values()) {
            for (String up : it.up) {
                b.append("      <SPEC-RELATION IDENTIFIER=\"").append(ident("rel", it.id() + ">" + up))
                        .append("\" LAST-CHANGE=\"").append(now).append("\"><SOURCE><SPEC-OBJECT-REF>")
                        .append(obj(ids, it.id())).append("</SPEC-OBJECT-REF></SOURCE><TARGET><SPEC-OBJECT-REF>")
                        .append(obj(ids, up)).append("</SPEC-OBJECT-REF></TARGET><TYPE><SPEC-RELATION-TYPE-REF>")
                        .append("covers</SPEC-RELATION-TYPE-REF></TYPE></SPEC-RELATION>\n");
            }
            spill.check(b);
        }
        b.append("    </SPEC-RELATIONS>\n    <SPECIFICATIONS><SPECIFICATION IDENTIFIER=\"warden-spec\" LAST-CHANGE=\"")
                .append(now).append("\" LONG-NAME=\"Warden requirements\"><TYPE><SPECIFICATION-TYPE-REF>spec-type")
                .append("</SPECIFICATION-TYPE-REF></TYPE><CHILDREN>\n");
        for (ItemTrace it : t.items.values()) {
            b.append("      <SPEC-HIERARCHY IDENTIFIER=\"").append(ident("h", it.id())).append("\" LAST-CHANGE=\"")
                    .append(now).append("\"><OBJECT><SPEC-OBJECT-REF>").append(obj(ids, it.id()))
                    .append("</SPEC-OBJECT-REF></OBJECT></SPEC-HIERARCHY>\n");
            spill.check(b);
        }
        b.append("    </CHILDREN></SPECIFICATION></SPECIFICATIONS>\n  </REQ-IF-CONTENT></CORE-CONTENT>\n")
                .append("</REQ-IF>\n");
    }

    private static void types(StringBuilder b, String now) {
        b.append("    <DATATYPES><DATATYPE-DEFINITION-STRING IDENTIFIER=\"string\" LAST-CHANGE=\"").append(now)
                .append("\" LONG-NAME=\"String\" MAX-LENGTH=\"1000000\"/></DATATYPES>\n    <SPEC-TYPES>\n")
                .append("      <SPEC-OBJECT-TYPE IDENTIFIER=\"item-type\" LAST-CHANGE=\"").append(now)
                .append("\" LONG-NAME=\"Spec item\"><SPEC-ATTRIBUTES>\n");
        for (String a : ATTRS) {
            b.append("        <ATTRIBUTE-DEFINITION-STRING IDENTIFIER=\"").append(ident("attr", a))
                    .append("\" LAST-CHANGE=\"").append(now).append("\" LONG-NAME=\"").append(a)
                    .append("\"><TYPE><DATATYPE-DEFINITION-STRING-REF>string</DATATYPE-DEFINITION-STRING-REF>")
                    .append("</TYPE></ATTRIBUTE-DEFINITION-STRING>\n");
        }
        b.append("      </SPEC-ATTRIBUTES></SPEC-OBJECT-TYPE>\n      <SPEC-RELATION-TYPE IDENTIFIER=\"covers\" ")
                .append("LAST-CHANGE=\"").append(now).append("\" LONG-NAME=\"covers\"/>\n")
                .append("      <SPECIFICATION-TYPE IDENTIFIER=\"spec-type\" LAST-CHANGE=\"").append(now)
                .append("\" LONG-NAME=\"Specification\"/>\n    </SPEC-TYPES>\n");
    }

    private static void object(StringBuilder b, ItemTrace it, String now, String objId) {
        SpecItem s = it.item;
        List<String> values = List.of(s.id(), s.title(), s.description(), it.asil.toString(), s.status(), s.type());
        b.append("      <SPEC-OBJECT IDENTIFIER=\"").append(objId).append("\" LAST-CHANGE=\"")
                .append(now).append("\"><VALUES>");
        for (int i = 0; i < ATTRS.size(); i++) {
            b.append("<ATTRIBUTE-VALUE-STRING THE-VALUE=\"").append(Text.xml(values.get(i)))
                    .append("\"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>").append(ATTR_IDS.get(i))
                    .append("</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>");
        }
        b.append("</VALUES><TYPE><SPEC-OBJECT-TYPE-REF>item-type</SPEC-OBJECT-TYPE-REF></TYPE></SPEC-OBJECT>\n");
    }

    /** @return the identifier of an item's SPEC-OBJECT, each written once per render. */
    private static String obj(Map<String, String> ids, String id) {
        return ids.computeIfAbsent(id, k -> ident("obj", k));
    }

    /** @return an xsd:ID from a prefix and any text: letters, digits and dots kept, others as _hex. */
    static String ident(String prefix, String text) {
        StringBuilder b = new StringBuilder(prefix).append('-');
        for (int i = 0; i < text.length(); i++) { // bounded by the text
            char c = text.charAt(i);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '.')) {
                b.append(c);
            } else {
                b.append('_').append(Integer.toHexString(c)).append('_');
            }
        }
        return b.toString();
    }
}
