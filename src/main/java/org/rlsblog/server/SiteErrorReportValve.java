package org.rlsblog.server;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;

/**
 * The site's error page for requests Tomcat refuses before the application sees them: a path that
 * does not decode or normalise ({@code /posts/..%2f..%2fetc}), a character a request line may not
 * hold. Tomcat maps such a request to no context, so its own "HTTP Status 400" page (inline styles,
 * no layout) would answer. This valve maps it to the site's root context instead; Tomcat then
 * forwards it to the application's error page, as it does for any other error. Should that fail
 * too, a small static page without inline style answers rather than Tomcat's.
 */
class SiteErrorReportValve extends ErrorReportValve {

    /** Sent with the static page: it needs the site's stylesheet and nothing else. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** Puts this valve in the place of every other error report valve of the host. */
    static void install(Host host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new SiteErrorReportValve());
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getContext() == null && response.isError()) {
            Container root = getContainer().findChild("");
            if (root instanceof Context context && context.getState().isAvailable()) {
                request.getMappingData().context = context;
            }
        }
        super.invoke(request, response);
    }

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(page(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer was already under way: nothing more to send
        }
    }

    /** The last resort, in the site's stylesheet and classes; English, as the request may be unreadable. */
    static String page(int status) {
        String title = status < 500 ? "That request could not be handled" : "Something went wrong";
        String text = status < 500
                ? "The address or the form was not understood (" + status + ")."
                : "Sorry, the site had a problem showing this page. Please try again in a moment.";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <meta name="robots" content="noindex">
                  <title>%s</title>
                  <link rel="stylesheet" href="/css/site.css">
                </head>
                <body>
                <header class="site-header"><div class="site-header-inner">\
                <a class="site-title" href="/">Home</a></div></header>
                <div class="page">
                <main id="main" class="error-page">
                  <h1>%s</h1>
                  <p>%s</p>
                  <ul class="error-links">
                    <li><a href="/">Go to the home page</a></li>
                    <li><a href="/archive">Browse the archive</a></li>
                  </ul>
                </main>
                </div>
                <footer class="site-footer"></footer>
                </body>
                </html>
                """.formatted(title, title, text);
    }
}
