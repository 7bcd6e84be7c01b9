package org.rlsblog.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * Empties the keep-alive connections before the graceful shutdown pauses Tomcat, so that a client
 * whose connection was open at the SIGTERM gets a whole answer or a closed connection it can retry,
 * never an error page: every answer then says {@code Connection: close}, and after a short wait the
 * idle connections are closed. Not paused with its context, since the server keeps running then.
 */
final class KeepAliveDrain implements SmartLifecycle, TomcatConnectorCustomizer {

    private static final Logger log = LoggerFactory.getLogger(KeepAliveDrain.class);

    /** Long enough for a request that has just passed Tomcat's keep-alive check to finish. */
    private static final Duration LAST_KEEP_ALIVE_ANSWERS = Duration.ofMillis(100);

    /** Tomcat's limit of requests per connection: at one, every answer closes its connection. */
    private static final int ONE_REQUEST_PER_CONNECTION = 1;

    private final List<Connector> connectors = new CopyOnWriteArrayList<>();
    private final Map<GracefulHttp11NioProtocol, Integer> keepAliveRequests = new ConcurrentHashMap<>();
    private volatile boolean running;

    @Override
    public void customize(Connector connector) {
        connectors.add(connector);
    }

    @Override
    public void start() {
        keepAliveRequests.forEach(GracefulHttp11NioProtocol::setMaxKeepAliveRequests);
        keepAliveRequests.clear();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        List<GracefulHttp11NioProtocol> protocols = connectors.stream()
                .map(Connector::getProtocolHandler)
                .filter(GracefulHttp11NioProtocol.class::isInstance)
                .map(GracefulHttp11NioProtocol.class::cast)
                .toList();
        if (protocols.isEmpty()) {
            return;
        }
        for (GracefulHttp11NioProtocol protocol : protocols) {
            keepAliveRequests.putIfAbsent(protocol, protocol.getMaxKeepAliveRequests());
            protocol.setMaxKeepAliveRequests(ONE_REQUEST_PER_CONNECTION);
        }
        try {
            Thread.sleep(LAST_KEEP_ALIVE_ANSWERS.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int closed = protocols.stream()
                .mapToInt(GracefulHttp11NioProtocol::closeIdleConnections)
                .sum();
        log.info("Stopped keeping connections alive and closed {} idle ones before the graceful shutdown", closed);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The next phase up from the web server's graceful shutdown: a higher phase stops first. */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
    }

    @Override
    public boolean isPauseable() {
        return false;
    }
}
