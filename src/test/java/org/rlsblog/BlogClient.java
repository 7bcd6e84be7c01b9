package org.rlsblog;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A reader's (or the author's) browser against one running instance over real HTTP: its own
 * cookie jar (CSRF cookie, session), forms filled from the pages the server sends, redirects not
 * followed so that each answer can be checked.
 */
public final class BlogClient {

    private static final Pattern COMMENT_LOCATION = Pattern.compile("#comment-(\\d+)$");

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;

    public BlogClient(int port) {
        this(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private BlogClient(int port, CookieManager cookies) {
        this.base = "http://localhost:" + port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * The same browser (same cookie jar: session, CSRF token) sent to another instance, as a load
     * balancer without sticky sessions would.
     */
    public BlogClient onInstance(int port) {
        return new BlogClient(port, cookies);
    }

    /** The value of a cookie the server set, if it set one. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, "text/html");
    }

    public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", accept)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A page that must be there (200), parsed. */
    public Document page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body(), base + path);
    }

    /**
     * Fills in and sends the comment form of an article as a browser would; returns the id of the
     * stored comment from the 303 redirect, and fails on any other answer.
     */
    public long comment(String slug, String name, String email, String body) throws IOException, InterruptedException {
        String action = "/posts/" + slug + "/comments";
        Element form = page("/posts/" + slug).selectFirst("form[action=" + action + "]");
        if (form == null) {
            throw new AssertionError("no comment form on /posts/" + slug);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", hidden(form, "_csrf"));
        fields.put("formToken", hidden(form, "formToken"));
        fields.put("parentId", "");
        fields.put("homepage", "");
        fields.put("name", name);
        fields.put("email", email);
        fields.put("website", "");
        fields.put("body", body);
        fields.put("_remember", "on");
        HttpResponse<String> response = post(action, fields);
        String location = response.headers().firstValue("Location").orElse("");
        Matcher id = COMMENT_LOCATION.matcher(location);
        if (response.statusCode() != 303 || !id.find()) {
            throw new AssertionError("comment not stored: " + response.statusCode() + " " + location);
        }
        return Long.parseLong(id.group(1));
    }

    /**
     * The comment form of an article as a browser fills it in, from the page the server sends now:
     * its CSRF and form tokens, and the reader's name, address and text.
     */
    public Map<String, String> commentForm(String slug, String name, String email, String body)
            throws IOException, InterruptedException {
        Element form = page("/posts/" + slug).selectFirst("form[action=/posts/" + slug + "/comments]");
        if (form == null) {
            throw new AssertionError("no comment form on /posts/" + slug);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", hidden(form, "_csrf"));
        fields.put("formToken", hidden(form, "formToken"));
        fields.put("parentId", "");
        fields.put("homepage", "");
        fields.put("name", name);
        fields.put("email", email);
        fields.put("website", "");
        fields.put("body", body);
        return fields;
    }

    /** Logs in at /admin/login; fails unless the server takes the author to the moderation queue. */
    public void logIn(String username, String password) throws IOException, InterruptedException {
        Element form = page("/admin/login").selectFirst("form[action=/admin/login]");
        if (form == null) {
            throw new AssertionError("no login form");
        }
        HttpResponse<String> response = post(
                "/admin/login", Map.of("username", username, "password", password, "_csrf", hidden(form, "_csrf")));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || !location.endsWith("/admin/comments")) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + location);
        }
    }

    /** Applies a moderation action (approve, trash, ...) with the form of the queue page. */
    public void moderate(long id, String action) throws IOException, InterruptedException {
        Document queue = page("/admin/comments?status=pending");
        Element csrf = queue.selectFirst("input[name=_csrf]");
        if (csrf == null) {
            throw new AssertionError("no CSRF token on the moderation queue");
        }
        HttpResponse<String> response =
                post("/admin/comments/" + id + "/" + action, Map.of("_csrf", csrf.val(), "returnTo", "pending"));
        if (response.statusCode() != 302) {
            throw new AssertionError(action + " of " + id + " answered " + response.statusCode());
        }
    }

    /** Ids of the comments shown on an article page, in page order. */
    public List<Long> commentIdsOn(String slug) throws IOException, InterruptedException {
        return page("/posts/" + slug).select("li.comment[id^=comment-]").stream()
                .map(li -> Long.parseLong(li.id().substring("comment-".length())))
                .toList();
    }

    private static String hidden(Element form, String name) {
        Element input = form.selectFirst("input[name=" + name + "]");
        if (input == null) {
            throw new AssertionError("form has no " + name);
        }
        return input.val();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
