package org.rlsblog.pagecache;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The response the rest of the filter chain writes a new page into: the body is kept back (as by
 * {@link ContentCachingResponseWrapper}), and so are the caching headers (Cache-Control, Pragma,
 * Expires), because a page that is stored gets the cache's own, while any other answer keeps the
 * ones the chain chose.
 */
class RecordingResponse extends ContentCachingResponseWrapper {

    private static final List<String> HELD = List.of("Cache-Control", "Pragma", "Expires");

    private final Map<String, List<String>> held = new LinkedHashMap<>();
    private @Nullable Locale language;

    RecordingResponse(HttpServletResponse response) {
        super(response);
    }

    /** The interface language the chain declared (Content-Language), if it declared one. */
    @Nullable
    Locale language() {
        return language;
    }

    @Override
    public void setLocale(Locale locale) {
        super.setLocale(locale);
        this.language = locale;
    }

    /** Sends the caching headers the chain set, for an answer that is not stored. */
    void sendHeldCachingHeaders() {
        HttpServletResponse response = (HttpServletResponse) getResponse();
        held.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        held.clear();
    }

    private static @Nullable String heldName(String name) {
        for (String candidate : HELD) {
            if (candidate.equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }

    private static String httpDate(long date) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.ofEpochMilli(date).atZone(ZoneOffset.UTC));
    }

    @Override
    public void setHeader(String name, String value) {
        String heldName = heldName(name);
        if (heldName == null) {
            super.setHeader(name, value);
        } else if (value == null) {
            held.remove(heldName);
        } else {
            held.put(heldName, new ArrayList<>(List.of(value)));
        }
    }

    @Override
    public void addHeader(String name, String value) {
        String heldName = heldName(name);
        if (heldName == null) {
            super.addHeader(name, value);
        } else if (value != null) {
            held.computeIfAbsent(heldName, n -> new ArrayList<>()).add(value);
        }
    }

    @Override
    public void setDateHeader(String name, long date) {
        if (heldName(name) == null) {
            super.setDateHeader(name, date);
        } else {
            setHeader(name, httpDate(date));
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        if (heldName(name) == null) {
            super.addDateHeader(name, date);
        } else {
            addHeader(name, httpDate(date));
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public boolean containsHeader(String name) {
        String heldName = heldName(name);
        return heldName == null ? super.containsHeader(name) : held.containsKey(heldName);
    }

    @Override
    public @Nullable String getHeader(String name) {
        String heldName = heldName(name);
        if (heldName == null) {
            return super.getHeader(name);
        }
        List<String> values = held.get(heldName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        String heldName = heldName(name);
        return heldName == null ? super.getHeaders(name) : List.copyOf(held.getOrDefault(heldName, List.of()));
    }

    @Override
    public Collection<String> getHeaderNames() {
        List<String> names = new ArrayList<>(super.getHeaderNames());
        names.addAll(held.keySet());
        return names;
    }
}
