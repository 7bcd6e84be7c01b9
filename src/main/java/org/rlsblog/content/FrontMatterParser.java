package org.rlsblog.content;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Splits a content file into its YAML front matter and Markdown body. The YAML is read with
 * SnakeYAML as a node tree rather than as Java objects, so that values keep the text the author
 * wrote (no surprise booleans or timestamps) and every key keeps its line number for messages.
 */
@Component
class FrontMatterParser {

    /** The file line of the YAML's first line, which SnakeYAML counts as 0: the one after {@code ---}. */
    private static final int YAML_FIRST_LINE = 2;

    /** YAML aliases a front matter may use: enough for any header, too few for an alias bomb. */
    private static final int MAX_ALIASES = 10;

    private static final int MAX_YAML_CODE_POINTS = 1024 * 1024;

    FrontMatter parse(String file) throws ContentFileException {
        String text = file.startsWith("\uFEFF") ? file.substring(1) : file;
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n");
        }
        // Walks the lines by index instead of splitting the whole file: only the front matter is
        // looked at line by line, the body is one substring (splitting bodies into lines only to
        // join them again was a noticeable part of loading many posts).
        int firstEnd = lineEnd(text, 0);
        if (!text.substring(0, firstEnd).strip().equals("---")) {
            throw new ContentFileException(1, "no front matter: the file must start with a '---' line");
        }
        int line = 1;
        int start = Math.min(firstEnd + 1, text.length());
        int yamlStart = start;
        while (firstEnd < text.length()) {
            int end = lineEnd(text, start);
            line++;
            String content = text.substring(start, end).strip();
            if (content.equals("---") || content.equals("...")) {
                String yaml = start > yamlStart ? text.substring(yamlStart, start - 1) : "";
                String body = end < text.length() ? text.substring(end + 1) : "";
                return new FrontMatter(readValues(yaml), body, line + 1);
            }
            if (end >= text.length()) {
                break;
            }
            start = end + 1;
        }
        throw new ContentFileException(1, "front matter is not closed: add a '---' line after it");
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    private Map<String, FrontMatter.Value> readValues(String yaml) throws ContentFileException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_YAML_CODE_POINTS);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + YAML_FIRST_LINE : 0;
            throw new ContentFileException(line, "bad YAML in front matter: " + firstLine(e.getProblem()));
        } catch (YAMLException e) {
            throw new ContentFileException(0, "bad YAML in front matter: " + firstLine(e.getMessage()));
        }
        Map<String, FrontMatter.Value> values = new LinkedHashMap<>();
        if (root == null) {
            return values;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new ContentFileException(YAML_FIRST_LINE, "front matter must be 'key: value' lines");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            int line = tuple.getKeyNode().getStartMark().getLine() + YAML_FIRST_LINE;
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new ContentFileException(line, "front matter keys must be plain words");
            }
            if (values.containsKey(key.getValue())) {
                // compose() builds nodes only, so SnakeYAML's own duplicate-key check never runs
                throw new ContentFileException(line, "'" + key.getValue() + "' is given twice");
            }
            values.put(key.getValue(), valueOf(key.getValue(), tuple.getValueNode(), line));
        }
        return values;
    }

    private FrontMatter.Value valueOf(String key, Node node, int line) throws ContentFileException {
        if (node instanceof ScalarNode scalar) {
            return new FrontMatter.Value(scalar.getValue(), null, line);
        }
        if (node instanceof SequenceNode sequence) {
            List<String> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (!(item instanceof ScalarNode scalar)) {
                    throw new ContentFileException(
                            item.getStartMark().getLine() + YAML_FIRST_LINE,
                            "'" + key + "' must be a list of plain values");
                }
                items.add(scalar.getValue());
            }
            return new FrontMatter.Value(null, items, line);
        }
        throw new ContentFileException(line, "'" + key + "' must be a value or a list, not a mapping");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
