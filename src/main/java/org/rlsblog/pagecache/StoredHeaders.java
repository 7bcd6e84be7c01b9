package org.rlsblog.pagecache;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rlsblog.web.OneAnswerHeaders;

/**
 * The headers the filter chain sent with a page the {@link PageStore} keeps (the protective
 * headers, mostly), to send again with every answer made from it. Left out are those that belong
 * to one answer (cookies, date, length) and those the cache sets itself.
 */
record StoredHeaders(List<String> names, List<String> values) {

    /** Besides one answer's own: the connection's, and those the cache sets itself. */
    private static final Set<String> NOT_STORED = OneAnswerHeaders.and(
            "connection", "keep-alive", "etag", "last-modified", "vary", "cache-control", "pragma", "expires");
    /** An estimate of what each header costs besides its characters, for the store's weight. */
    private static final int HEADER_OVERHEAD = 16;

    StoredHeaders {
        names = List.copyOf(names);
        values = List.copyOf(values);
    }

    static StoredHeaders of(HttpServletResponse response) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String name : new LinkedHashSet<>(response.getHeaderNames())) {
            if (NOT_STORED.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : response.getHeaders(name)) {
                names.add(name);
                values.add(value);
            }
        }
        return new StoredHeaders(names, values);
    }

    void sendWith(HttpServletResponse response) {
        for (int i = 0; i < names.size(); i++) {
            response.addHeader(names.get(i), values.get(i));
        }
    }

    int size() {
        int size = 0;
        for (int i = 0; i < names.size(); i++) {
            size += names.get(i).length() + values.get(i).length() + HEADER_OVERHEAD;
        }
        return size;
    }
}
