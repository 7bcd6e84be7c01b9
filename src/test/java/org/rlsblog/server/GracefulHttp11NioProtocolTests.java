package org.rlsblog.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.coyote.ActionCode;
import org.apache.coyote.Adapter;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.net.SocketEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rlsblog.server.GracefulHttp11NioProtocol.ClosingWhenPaused;

/**
 * The request a pause cuts short (Tomcat read its first line, then stopped before the headers)
 * has its connection closed; every other request reaches the container as before.
 */
class GracefulHttp11NioProtocolTests {

    private final List<Request> served = new ArrayList<>();
    private final AtomicBoolean paused = new AtomicBoolean();
    private ClosingWhenPaused adapter;
    private Request request;
    private Response response;

    /** A request as Tomcat's own processor holds it (with the processor behind its response). */
    @BeforeEach
    void wire() {
        adapter = new ClosingWhenPaused(new RecordingContainer(), paused::get);
        request = new Http11Processor(new GracefulHttp11NioProtocol(), adapter).getRequest();
        response = request.getResponse();
        request.method().setString("GET");
        request.requestURI().setString("/posts/rls-and-liver-diseases");
    }

    /** Whether the processor would still write an answer on the connection. */
    private boolean mayAnswer() {
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        return ioAllowed.get();
    }

    @Test
    void closesTheConnectionOfARequestWhoseHeadersThePauseLeftUnread() throws Exception {
        paused.set(true);
        response.setStatus(400); // what Tomcat makes of it: 503, then 400 for the missing Host

        adapter.service(request, response);

        assertThat(served).isEmpty();
        assertThat(mayAnswer()).as("an answer written on the connection").isFalse();
    }

    @Test
    void servesAWholeRequestWhileRunning() throws Exception {
        request.getMimeHeaders().addValue("Host").setString("localhost");

        adapter.service(request, response);

        assertThat(served).containsExactly(request);
        assertThat(mayAnswer()).isTrue();
    }

    @Test
    void servesARequestReadWholeBeforeThePause() throws Exception {
        request.getMimeHeaders().addValue("Host").setString("localhost");
        paused.set(true);

        adapter.service(request, response);

        assertThat(served).containsExactly(request);
        assertThat(mayAnswer()).isTrue();
    }

    @Test
    void servesAHeaderlessRequestReadWholeBeforeThePause() throws Exception {
        paused.set(true); // an HTTP/1.0 request without headers, parsed before the pause

        adapter.service(request, response);

        assertThat(served).containsExactly(request);
        assertThat(mayAnswer()).isTrue();
    }

    @Test
    void leavesAHeaderlessRequestToTheContainerWhileRunning() throws Exception {
        response.setStatus(400);

        adapter.service(request, response);

        assertThat(served).as("Tomcat's own 400 for a missing Host stands").containsExactly(request);
    }

    private final class RecordingContainer implements Adapter {

        @Override
        public void service(Request req, Response res) {
            served.add(req);
        }

        @Override
        public boolean prepare(Request req, Response res) {
            return true;
        }

        @Override
        public boolean asyncDispatch(Request req, Response res, SocketEvent status) {
            return true;
        }

        @Override
        public void log(Request req, Response res, long time) {}

        @Override
        public void checkRecycled(Request req, Response res) {}

        @Override
        public String getDomain() {
            return "test";
        }
    }
}
