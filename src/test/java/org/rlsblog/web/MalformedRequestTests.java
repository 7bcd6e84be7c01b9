package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests no browser would send, written byte for byte on a socket (a client library would
 * refuse or repair them): each gets a 4xx answer, never a 500, and never a file from outside the
 * content folder.
 */
class MalformedRequestTests extends LiveSiteSupport {

    private static final String COMMENTS = SEED_ARTICLE + "/comments";

    record Answer(int status, String head, String body) {}

    /** Sends the request as given; chars up to U+00FF go out as one byte each (raw, invalid UTF-8). */
    Answer send(String method, String target, String extraHeaders, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String head = method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Accept: text/html\r\nConnection: close\r\n" + extraHeaders
                    + (body.length > 0 ? "Content-Length: " + body.length + "\r\n" : "") + "\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (SocketException closedEarly) {
                // the server may answer and close before reading a body it refuses
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                in.transferTo(received);
            } catch (SocketException reset) {
                // what arrived before the reset is the answer
            }
            String response = received.toString(StandardCharsets.UTF_8);
            assertThat(response).as("an HTTP answer to %s %s", method, target).startsWith("HTTP/1.1 ");
            int split = response.indexOf("\r\n\r\n");
            return new Answer(
                    Integer.parseInt(response.substring(9, 12)),
                    response.substring(0, Math.max(split, 0)),
                    split < 0 ? "" : response.substring(split + 4));
        }
    }

    Answer get(String target) throws IOException {
        return send("GET", target, "", new byte[0]);
    }

    static void assertRefusedSafely(Answer answer, String request) {
        assertThat(answer.status()).as("status of %s", request).isBetween(400, 499);
        assertThat(answer.body())
                .as("body of %s", request)
                .doesNotContain("<artifactId>rls-blog", TestSite.SECRET, "Exception", "at org.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/posts/..%2f..%2fpom.xml",
                "/posts/..%2f..%2f..%2fsecret.txt",
                "/posts/%2e%2e/%2e%2e/pom.xml",
                "/posts/..%5c..%5cpom.xml",
                "/posts/%252e%252e%252f%252e%252e%252fpom.xml",
                "/tags/%2e%2e",
                "/tags/..%2f..%2fpom.xml",
                "/tags/%2e%2e%2f%2e%2e%2fsecret.txt",
                "/media/..%2f..%2fpom.xml",
                "/media/..%2fsecret.txt",
                "/media/%2e%2e/%2e%2e/pom.xml",
                "/media/%2e%2e/secret.txt",
                "/media/..%5c..%5cpom.xml",
                "/media/..\\..\\pom.xml",
                "/media/%252e%252e/%252e%252e/pom.xml",
                "/media/%252e%252e%252fsecret.txt",
                "/media/../../pom.xml",
                "/media/note.txt/../../secret.txt",
                "/%2e%2e/pom.xml",
                "/..%2fpom.xml",
                "/posts/rls-and-liver-diseases/..%2f..%2f..%2fpom.xml/comments"
            })
    void refusesPathTraversalInEveryPathVariable(String target) throws IOException {
        warmThePageCache();
        assertRefusedSafely(get(target), target);
    }

    /**
     * Stored pages are answered in front of Spring Security's firewall, so the traversal attempts
     * are also made while every page they could be mistaken for is stored.
     */
    private void warmThePageCache() throws IOException {
        for (String page : List.of("/", "/archive", "/tags/rls", "/tags/iron", SEED_ARTICLE, "/about")) {
            for (int i = 0; i < 2; i++) {
                assertThat(get(page).status()).as(page).isEqualTo(200);
            }
        }
    }

    /**
     * Tomcat strips path parameters from the path a servlet sees, so each of these looks like a
     * stored page to the page cache; Spring Security's firewall, which the cache runs too, refuses
     * them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/tags/rls;x=1", "/about;jsessionid=abc", "/posts/rls-and-liver-diseases;v=2", "/;a"})
    void refusesPathParametersOnStoredPages(String target) throws IOException {
        warmThePageCache();
        assertRefusedSafely(get(target), target);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/posts/%C3%28",
                "/posts/%FF",
                "/posts/\u00ff\u00fe",
                "/tags/%C3%28",
                "/tags/\u00c3(",
                "/media/%FF.txt",
                "/%C3%28",
                "/posts/abc%00def",
                "/tags/rls%00",
                "/media/note.txt%00.png",
                "/about%00",
                "/?page=%C3%28",
                "/?page=%FF",
                "/?page=\u00ff",
                "/?page=%00",
                "/?page=-1",
                "/?page=0",
                "/?page=99999999999999999999",
                "/?page=abc",
                "/tags/rls?page=-1",
                "/tags/rls?page=99999999999999999999",
            })
    void refusesBrokenBytesNulAndAbsurdPageNumbers(String target) throws IOException {
        assertRefusedSafely(get(target), target);
    }

    @Test
    void refusesAHugeQueryString() throws IOException {
        assertRefusedSafely(get("/?q=" + "a".repeat(20 * 1024)), "a 20 KB query string");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"DELETE /", "PUT " + SEED_ARTICLE, "DELETE " + SEED_ARTICLE, "PATCH /archive", "GET " + COMMENTS
            })
    void refusesMethodsAPageDoesNotTake(String request) throws IOException {
        String[] parts = request.split(" ");
        assertRefusedSafely(send(parts[0], parts[1], "", new byte[0]), request);
    }

    /** The article's form, as a browser got it: CSRF cookie and field, form token. */
    record Form(String cookie, String csrf, String formToken) {}

    Form openForm() throws IOException, InterruptedException {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url(SEED_ARTICLE))).build(),
                        HttpResponse.BodyHandlers.ofString());
        Document html = Jsoup.parse(page.body());
        HttpCookie cookie = page.headers().allValues("Set-Cookie").stream()
                .flatMap(c -> HttpCookie.parse(c).stream())
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst()
                .orElseThrow();
        return new Form(
                "XSRF-TOKEN=" + cookie.getValue(),
                html.select("#respond input[name=_csrf]").val(),
                html.select("#respond input[name=formToken]").val());
    }

    Answer post(Form form, String csrf, String fields) throws IOException {
        String body = (csrf == null ? "" : "_csrf=" + csrf + "&") + "formToken=" + form.formToken() + "&" + fields;
        return send(
                "POST",
                COMMENTS,
                "Cookie: " + form.cookie() + "\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                body.getBytes(StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "name=%C3%28&email=a%40example.org&body=Hello+there",
                "name=Ann&email=a%40example.org&body=Broken+%FF+byte",
                "name=Ann&email=a%40example.org&body=raw \u00ff\u00fe bytes",
                "name=A%00nn&email=a%40example.org&body=Hello+there",
                "name=Ann&email=a%00b%40example.org&body=Hello+there",
                "name=Ann&email=a%40example.org&body=Nul+%00+inside",
                "name=Ann&email=a%40example.org&website=https%3A%2F%2Fexample.org%2F%00x&body=Hello",
                "name=Ann&email=a%40example.org&body=Hello&parentId=%00",
                "name=Ann&email=a%40example.org&body=Hello&parentId=99999999999999999999",
                "name=Ann&email=a%40example.org&body=Hello&parentId=-1",
            })
    void refusesACommentWithBrokenBytesOrNul(String fields) throws Exception {
        Form form = openForm();

        Answer answer = post(form, form.csrf(), fields);

        assertRefusedSafely(answer, fields);
    }

    @Test
    void refusesACommentWithoutOrWithAWrongCsrfToken() throws Exception {
        Form form = openForm();
        String fields = "name=Ann&email=a%40example.org&body=No+token+here";

        assertThat(post(form, null, fields).status()).isEqualTo(403);
        assertThat(post(form, "wrong-" + form.csrf(), fields).status()).isEqualTo(403);
        assertThat(send(
                                "POST",
                                COMMENTS,
                                "Content-Type: application/x-www-form-urlencoded\r\n",
                                ("_csrf=" + form.csrf() + "&" + fields).getBytes(StandardCharsets.US_ASCII))
                        .status())
                .as("a token without its cookie")
                .isEqualTo(403);
    }

    @Test
    void refusesABodyOver256KilobytesWith413() throws Exception {
        Form form = openForm();
        String fields = "name=Ann&email=a%40example.org&body=" + "x".repeat(300 * 1024);

        Answer answer = post(form, form.csrf(), fields);

        assertThat(answer.status()).isEqualTo(413);
        assertRefusedSafely(answer, "a 300 KB body");
    }
}
