package org.rlsblog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.jsoup.nodes.Element;

/** The hostile corpus in {@code src/test/resources/hostile-payloads.txt}, one payload a line. */
public final class HostilePayloads {

    private HostilePayloads() {}

    public static List<String> all() {
        try (var in = Objects.requireNonNull(
                HostilePayloads.class.getResourceAsStream("/hostile-payloads.txt"),
                "hostile-payloads.txt on the test classpath")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The link types of a link. Their order carries no meaning (the OWASP sanitizer writes them as
     * "ugc nofollow noopener"), so tests compare the set: exactly nofollow, ugc and noopener.
     */
    public static List<String> relTokens(Element link) {
        return List.of(link.attr("rel").strip().split("\\s+"));
    }
}
