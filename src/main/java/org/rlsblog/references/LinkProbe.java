package org.rlsblog.references;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks one link whether it still leads somewhere: HEAD, or GET where HEAD is refused (405, 501),
 * following redirects by hand (each hop is a request {@link Politeness} must allow) so that a
 * redirect to another site's home page, the usual sign of a vanished page, is seen for what it is.
 */
final class LinkProbe {

    /** More hops than this is a redirect loop, as browsers judge it. */
    static final int MAX_REDIRECTS = 5;

    private static final int HEAD_REFUSED = 405;
    private static final int HEAD_NOT_IMPLEMENTED = 501;
    private static final int FIRST_CLIENT_ERROR = 400;

    private final HttpClient client;
    private final Duration timeout;
    private final String userAgent;

    LinkProbe(Duration timeout, String userAgent) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    /** What became of a link. */
    enum Outcome {
        GOOD,
        BROKEN,
        /** No answer from the network at all (no DNS, no route): perhaps this machine is offline. */
        UNREACHABLE,
        /** Not asked: the host has had its share of requests for now. */
        DEFERRED
    }

    record Answer(Outcome outcome, String text) {}

    Answer check(URI link, Politeness politeness) throws InterruptedException {
        URI current = link;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            String host = host(current);
            if (!politeness.allow(host)) {
                return new Answer(Outcome.DEFERRED, "");
            }
            HttpResponse<Void> response;
            try {
                response = send(current, "HEAD");
                if (response.statusCode() == HEAD_REFUSED || response.statusCode() == HEAD_NOT_IMPLEMENTED) {
                    if (!politeness.allow(host)) {
                        return new Answer(Outcome.DEFERRED, "");
                    }
                    response = send(current, "GET");
                }
            } catch (HttpConnectTimeoutException e) {
                return new Answer(Outcome.BROKEN, "no connection within " + timeout.toSeconds() + " s");
            } catch (HttpTimeoutException e) {
                return new Answer(Outcome.BROKEN, "no answer within " + timeout.toSeconds() + " s");
            } catch (IOException | IllegalArgumentException e) {
                return unreachableOrBroken(e, host);
            }
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && location.isPresent()) {
                URI next;
                try {
                    next = current.resolve(location.get().strip());
                } catch (IllegalArgumentException e) {
                    return new Answer(Outcome.BROKEN, status + " to a malformed address");
                }
                if (isAnotherSitesHome(link, next)) {
                    return new Answer(Outcome.BROKEN, status + " to the home page of " + next.getHost());
                }
                current = next;
                continue;
            }
            return status >= FIRST_CLIENT_ERROR
                    ? new Answer(Outcome.BROKEN, String.valueOf(status))
                    : new Answer(Outcome.GOOD, String.valueOf(status));
        }
        return new Answer(Outcome.BROKEN, "more than " + MAX_REDIRECTS + " redirects");
    }

    private HttpResponse<Void> send(URI uri, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding());
    }

    /** A link that did not point at a home page itself, sent to the home page of another host. */
    static boolean isAnotherSitesHome(URI original, URI target) {
        return !host(original).equals(host(target)) && isHome(target) && !isHome(original);
    }

    private static boolean isHome(URI uri) {
        String path = uri.getRawPath();
        return (path == null || path.isEmpty() || path.equals("/")) && uri.getRawQuery() == null;
    }

    static String host(URI uri) {
        String host = uri.getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    /**
     * An I/O failure is unreachable when its cause says the host cannot be found or reached (the
     * HTTP client reports an unknown host as a connection failure caused by an unresolved address).
     */
    private static Answer unreachableOrBroken(Exception e, String host) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return new Answer(Outcome.UNREACHABLE, "DNS failure: " + host + " not found");
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return new Answer(Outcome.UNREACHABLE, "cannot connect to " + host);
            }
        }
        return new Answer(Outcome.BROKEN, "failed: " + e.getClass().getSimpleName());
    }
}
