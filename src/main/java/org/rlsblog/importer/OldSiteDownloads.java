package org.rlsblog.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Fetches uploaded files from the old site while it is still online. Only http and https, also
 * where the old site redirects; a time limit on connecting and on each answer; a size limit per
 * file, checked while the bytes arrive, so a wrong or hostile answer cannot fill the disk.
 */
final class OldSiteDownloads implements MediaSource {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    static final int MAX_REDIRECTS = 5;
    static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;
    private static final Set<String> SCHEMES = Set.of("http", "https");
    private static final int BUFFER = 64 * 1024;

    private final URI base;
    private final HttpClient http;
    private final long maxBytes;

    /** @param base the old site's uploads address, such as {@code https://old.example/wp-content/uploads/} */
    OldSiteDownloads(URI base, long maxBytes) throws IOException {
        checkScheme(base);
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.maxBytes = maxBytes;
        // redirects are followed by hand, so that each hop's scheme is checked
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The uploads address for {@code --media-base-url}: the site's address or its uploads folder. */
    static URI uploadsAddress(String mediaBaseUrl) {
        String text = mediaBaseUrl.strip();
        if (!text.contains("/wp-content/uploads")) {
            text = (text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + UploadPaths.UPLOADS;
        }
        return URI.create(text);
    }

    @Override
    public Kind kind() {
        return Kind.FETCHED;
    }

    @Override
    public boolean copy(String relative, Path target) throws IOException {
        HttpResponse<InputStream> response = send(relative, "GET");
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return false;
            }
            long declared =
                    response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                throw new IOException(relative + ": " + declared + " bytes, more than the limit of " + maxBytes);
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                byte[] buffer = new byte[BUFFER];
                long total = 0;
                for (int n; (n = body.read(buffer)) >= 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        throw new IOException(relative + ": more than the limit of " + maxBytes + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
            }
            return true;
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    @Override
    public boolean exists(String relative) throws IOException {
        HttpResponse<InputStream> response = send(relative, "HEAD");
        response.body().close();
        return response.statusCode() == 200;
    }

    private HttpResponse<InputStream> send(String relative, String method) throws IOException {
        URI uri = base.resolve(UploadPaths.encode(relative));
        for (int hop = 0; ; hop++) {
            checkScheme(uri);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(REQUEST_TIMEOUT)
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .build();
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + uri, e);
            }
            int status = response.statusCode();
            if (status < 300
                    || status >= 400
                    || response.headers().firstValue("Location").isEmpty()) {
                return response;
            }
            response.body().close();
            if (hop >= MAX_REDIRECTS) {
                throw new IOException(uri + ": more than " + MAX_REDIRECTS + " redirects");
            }
            uri = uri.resolve(response.headers().firstValue("Location").orElseThrow());
        }
    }

    private static void checkScheme(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme) || uri.getHost() == null) {
            throw new IOException(uri + ": only http and https addresses are fetched");
        }
    }
}
