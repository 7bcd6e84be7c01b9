package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class FrontMatterParserTests {

    private final FrontMatterParser parser = new FrontMatterParser();

    @Test
    void readsScalarsAsTheTextTheAuthorWrote() throws Exception {
        FrontMatter fm = parser.parse("""
                ---
                title: Hello
                draft: yes
                date: 2024-05-01
                ---
                Body
                """);

        assertThat(fm.get("title").text()).isEqualTo("Hello");
        assertThat(fm.get("draft").text()).isEqualTo("yes");
        assertThat(fm.get("date").text()).isEqualTo("2024-05-01");
        assertThat(fm.get("title").list()).isNull();
    }

    @Test
    void readsSequencesAsLists() throws Exception {
        FrontMatter fm = parser.parse("""
                ---
                tags:
                  - RLS
                  - liver
                aliases: [/a, /b]
                ---
                """);

        assertThat(fm.get("tags").list()).containsExactly("RLS", "liver");
        assertThat(fm.get("aliases").list()).containsExactly("/a", "/b");
        assertThat(fm.get("tags").text()).isNull();
    }

    @Test
    void givesEachKeyItsLineInTheFile() throws Exception {
        FrontMatter fm = parser.parse("""
                ---
                title: Hello

                # a comment
                date: 2024-05-01
                ---
                """);

        assertThat(fm.get("title").line()).isEqualTo(2);
        assertThat(fm.get("date").line()).isEqualTo(5);
    }

    @Test
    void splitsOffTheBodyAndItsFirstLine() throws Exception {
        FrontMatter fm = parser.parse("---\ntitle: Hello\n---\nFirst line\nSecond line");

        assertThat(fm.body()).isEqualTo("First line\nSecond line");
        assertThat(fm.bodyLine()).isEqualTo(4);
    }

    @Test
    void acceptsWindowsLineEndingsAndAByteOrderMark() throws Exception {
        FrontMatter fm = parser.parse("\uFEFF---\r\ntitle: Hello\r\n---\r\nBody\r\n");

        assertThat(fm.get("title").text()).isEqualTo("Hello");
        assertThat(fm.body()).startsWith("Body");
    }

    @Test
    void acceptsThreeDotsAsTheClosingLine() throws Exception {
        FrontMatter fm = parser.parse("---\ntitle: Hello\n...\nBody");

        assertThat(fm.body()).isEqualTo("Body");
    }

    @Test
    void acceptsEmptyFrontMatter() throws Exception {
        FrontMatter fm = parser.parse("---\n---\nBody");

        assertThat(fm.values()).isEmpty();
    }

    @Test
    void rejectsFileWithoutFrontMatter() {
        ContentFileException e =
                catchThrowableOfType(ContentFileException.class, () -> parser.parse("# Just Markdown"));

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("no front matter");
    }

    @Test
    void rejectsFrontMatterThatIsNotClosed() {
        ContentFileException e =
                catchThrowableOfType(ContentFileException.class, () -> parser.parse("---\ntitle: Hello\nBody"));

        assertThat(e.getMessage()).contains("not closed");
    }

    @Test
    void reportsTheLineOfBadYaml() {
        ContentFileException e = catchThrowableOfType(ContentFileException.class, () -> parser.parse("""
                        ---
                        title: Hello
                        date: 2024-05-01
                        tags: [unclosed, list
                        summary: oops
                        ---
                        """));

        assertThat(e.getMessage()).startsWith("bad YAML in front matter");
        assertThat(e.line()).isBetween(5, 6);
    }

    @Test
    void reportsTheLineOfABadIndentation() {
        ContentFileException e = catchThrowableOfType(ContentFileException.class, () -> parser.parse("""
                        ---
                        title: Hello
                          date: 2024-05-01
                        ---
                        """));

        assertThat(e.getMessage()).startsWith("bad YAML in front matter");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void rejectsDuplicateKey() {
        ContentFileException e = catchThrowableOfType(ContentFileException.class, () -> parser.parse("""
                        ---
                        title: First
                        date: 2024-05-01
                        title: Second
                        ---
                        """));

        assertThat(e).as("a second 'title:' must not silently win").isNotNull();
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("title");
    }

    @Test
    void rejectsFrontMatterThatIsNotAMapping() {
        ContentFileException e =
                catchThrowableOfType(ContentFileException.class, () -> parser.parse("---\n- a\n- b\n---\n"));

        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void rejectsAMappingAsValue() {
        ContentFileException e = catchThrowableOfType(ContentFileException.class, () -> parser.parse("""
                        ---
                        title: Hello
                        author:
                          name: Me
                        ---
                        """));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("'author'").contains("mapping");
    }

    @Test
    void rejectsAListOfListsAndNamesItsLine() {
        ContentFileException e = catchThrowableOfType(ContentFileException.class, () -> parser.parse("""
                        ---
                        tags:
                          - ok
                          - [nested]
                        ---
                        """));

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("'tags'");
    }

    @Test
    void refusesABillionLaughs() {
        StringBuilder yaml = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char previous = (char) (c - 1);
            yaml.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append(previous)
                    .append(",*")
                    .append(previous)
                    .append(",*")
                    .append(previous)
                    .append("]\n");
        }
        yaml.append("---\n");

        ContentFileException e = catchThrowableOfType(ContentFileException.class, () -> parser.parse(yaml.toString()));

        assertThat(e).isNotNull();
    }
}
