package murmur.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings as a tree, built from the defaults and then overlaid, remembering which source set each key. The
 * defaults define every key, so a key they lack is unknown.
 */
final class SettingsTree {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d*\\.\\d+");

    private final ObjectNode root;
    private final Map<String, String> sources = new HashMap<>();

    SettingsTree(ObjectNode defaults) {
        this.root = defaults;
    }

    ObjectNode root() {
        return root;
    }

    /** The source of the value at {@code key} (list indexes ignored), or {@value SettingsException#DEFAULTS}. */
    String sourceOf(String key) {
        String k = key.replaceAll("\\[\\d+]", "");
        while (true) {
            String source = sources.get(k);
            if (source != null) {
                return source;
            }
            int dot = k.lastIndexOf('.');
            if (dot < 0) {
                return SettingsException.DEFAULTS;
            }
            k = k.substring(0, dot);
        }
    }

    /** The node at a dotted key, or null. */
    JsonNode node(String key) {
        JsonNode n = root;
        for (String part : key.replaceAll("\\[\\d+]", "").split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        return n;
    }

    /** Deep-merges a parsed file: sections merge key by key, values and lists replace. */
    void merge(JsonNode overlay, String source) {
        merge(root, overlay, "", source);
    }

    private void merge(ObjectNode base, JsonNode overlay, String prefix, String source) {
        if (overlay == null || overlay.isNull() || overlay.isMissingNode()) {
            return;
        }
        if (!overlay.isObject()) {
            throw new SettingsException(prefix.isEmpty() ? null : prefix, source,
                    "expected a section with keys " + keysOf(base) + ", got " + show(overlay));
        }
        overlay.fields().forEachRemaining(field -> {
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode current = base.get(field.getKey());
            if (current == null) {
                throw unknown(key, base, source);
            }
            if (current.isObject()) {
                merge((ObjectNode) current, field.getValue(), key, source);
            } else {
                base.set(field.getKey(), field.getValue());
                sources.put(key, source);
            }
        });
    }

    /** Applies one {@code key.path=value} override; the value is typed by the form of the text. */
    void override(String assignment, String source) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new SettingsException(null, source, "expected key.path=value, got '" + assignment + "'");
        }
        String key = assignment.substring(0, eq).strip();
        String[] parts = key.split("\\.", -1);
        ObjectNode parent = root;
        String path = "";
        for (int i = 0; i < parts.length; i++) {
            path = i == 0 ? parts[i] : path + "." + parts[i];
            JsonNode child = parent.get(parts[i]);
            if (child == null) {
                throw unknown(path, parent, source);
            }
            if (i == parts.length - 1) {
                if (child.isObject()) {
                    throw new SettingsException(path, source,
                            "is a section; set one of its keys " + keysOf((ObjectNode) child) + " instead");
                }
                parent.set(parts[i], parse(assignment.substring(eq + 1), child));
                sources.put(key, source);
            } else if (child.isObject()) {
                parent = (ObjectNode) child;
            } else {
                throw new SettingsException(path, source, "is a value, not a section");
            }
        }
    }

    private static JsonNode parse(String raw, JsonNode current) {
        String v = raw.strip();
        if (current.isArray()) {
            var list = JsonNodeFactory.instance.arrayNode();
            for (String item : v.split(",")) {
                if (!item.isBlank()) {
                    list.add(item.strip());
                }
            }
            return list;
        }
        if (current.isTextual()) {
            return TextNode.valueOf(v);
        }
        if (v.equals("true") || v.equals("false")) {
            return BooleanNode.valueOf(Boolean.parseBoolean(v));
        }
        try {
            if (INTEGER.matcher(v).matches()) {
                long n = Long.parseLong(v);
                return n == (int) n ? IntNode.valueOf((int) n) : LongNode.valueOf(n);
            }
            if (DECIMAL.matcher(v).matches()) {
                return DoubleNode.valueOf(Double.parseDouble(v));
            }
        } catch (NumberFormatException e) {
            return TextNode.valueOf(v);
        }
        return TextNode.valueOf(v);
    }

    private static SettingsException unknown(String key, ObjectNode siblings, String source) {
        String name = key.substring(key.lastIndexOf('.') + 1);
        String wanted = normalize(name);
        String hint = "";
        for (var it = siblings.fieldNames(); it.hasNext(); ) {
            String candidate = it.next();
            if (normalize(candidate).equals(wanted)) {
                hint = "did you mean '" + candidate + "'? ";
            }
        }
        return new SettingsException(key, source, "unknown key; " + hint + "known keys here: " + keysOf(siblings));
    }

    private static String normalize(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    static String keysOf(ObjectNode node) {
        var names = new java.util.TreeSet<String>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    static String show(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a section";
        }
        return node.isTextual() ? "'" + node.textValue() + "'" : node.toString();
    }
}
