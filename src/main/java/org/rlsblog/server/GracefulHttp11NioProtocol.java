package org.rlsblog.server;

import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.apache.coyote.ActionCode;
import org.apache.coyote.Adapter;
import org.apache.coyote.Processor;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's NIO HTTP/1.1 protocol, mended for a graceful shutdown: a request caught by the pause
 * gets its connection closed, which clients retry, instead of the {@code 400 Bad Request} Tomcat
 * (11.0.22) answers for it (seen in CI); idle connections can be closed before the pause ({@link
 * KeepAliveDrain}). Public, because Tomcat makes its protocol from the class name.
 */
public class GracefulHttp11NioProtocol extends Http11NioProtocol {

    @Override
    protected Processor createProcessor() {
        return new Http11Processor(this, new ClosingWhenPaused(getAdapter(), this::isPaused));
    }

    /**
     * Closes every connection that waits for its next request, and only those: no worker thread
     * holds it (a request being read, run or answered holds its lock throughout, even while it
     * waits for the rest of a body) and no request has begun to arrive on it (Tomcat then keeps
     * the request's processor with the connection). The count of those closed.
     *
     * <p>The connection is closed while its lock is held, so a request that arrives at that very
     * moment finds the connection closed before any of it is read.
     */
    int closeIdleConnections() {
        int closed = 0;
        for (SocketWrapperBase<NioChannel> connection : getEndpoint().getConnections()) {
            ReentrantLock lock = connection.getLock();
            if (lock.tryLock()) {
                try {
                    if (connection.getCurrentProcessor() == null && !connection.isClosed()) {
                        connection.close();
                        closed++;
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
        return closed;
    }

    /**
     * Passes every request on to Tomcat's adapter (the servlet container) except one the pause
     * cut short: the connector is paused, the request has no headers, because Tomcat stopped
     * reading it after its first line, and Tomcat has marked it failed (503, then 400). That one's
     * connection is closed with no answer written.
     */
    static final class ClosingWhenPaused implements Adapter {

        private final Adapter container;
        private final BooleanSupplier paused;

        ClosingWhenPaused(Adapter container, BooleanSupplier paused) {
            this.container = container;
            this.paused = paused;
        }

        @Override
        public void service(Request request, Response response) throws Exception {
            if (paused.getAsBoolean()
                    && request.getMimeHeaders().size() == 0
                    && response.getStatus() >= HttpServletResponse.SC_BAD_REQUEST) {
                response.action(ActionCode.CLOSE_NOW, null);
                return;
            }
            container.service(request, response);
        }

        @Override
        public boolean prepare(Request request, Response response) throws Exception {
            return container.prepare(request, response);
        }

        @Override
        public boolean asyncDispatch(Request request, Response response, SocketEvent status) throws Exception {
            return container.asyncDispatch(request, response, status);
        }

        @Override
        public void log(Request request, Response response, long time) {
            container.log(request, response, time);
        }

        @Override
        public void checkRecycled(Request request, Response response) {
            container.checkRecycled(request, response);
        }

        @Override
        public String getDomain() {
            return container.getDomain();
        }
    }
}
