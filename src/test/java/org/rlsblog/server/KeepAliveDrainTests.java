package org.rlsblog.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rlsblog.KeepAliveConnection;
import org.rlsblog.KeepAliveConnection.Answer;
import org.rlsblog.web.LiveSiteSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * What a shutdown does to the connections readers hold open between requests: before Tomcat
 * pauses, the idle ones are closed and each later answer ends its own ({@link KeepAliveDrain});
 * once paused, a request that still arrives on one finds it closed (Tomcat's own behaviour, kept),
 * which clients retry, rather than an error answer. The pause and the drain are run by hand on the
 * shared test server, and undone before each test ends.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeepAliveDrainTests extends LiveSiteSupport {

    @Autowired
    KeepAliveDrain drain;

    @Autowired
    WebServerApplicationContext context;

    @Test
    @Order(1)
    void aRequestOnAnOpenConnectionOncePausedFindsTheConnectionClosed() throws Exception {
        Connector connector =
                ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        try (KeepAliveConnection open = new KeepAliveConnection(port)) {
            assertThat(open.get(SEED_ARTICLE).orElseThrow().status()).isEqualTo(200);
            connector.pause();
            try {
                assertThat(open.get(SEED_ARTICLE).map(Answer::status))
                        .as("a request sent on a kept-alive connection after the pause")
                        .isEmpty();
            } finally {
                connector.resume();
            }
        }
    }

    @Test
    @Order(2)
    void theDrainClosesTheIdleConnectionsAndEndsEachLaterAnswerWithConnectionClose() throws Exception {
        try {
            try (KeepAliveConnection idle = new KeepAliveConnection(port)) {
                Answer before = idle.get(SEED_ARTICLE).orElseThrow();
                assertThat(before.status()).isEqualTo(200);
                assertThat(before.header("Connection"))
                        .as("kept alive before the drain")
                        .isEmpty();
                assertThat(idle.get(SEED_ARTICLE))
                        .as("a second answer on the same connection")
                        .isPresent();

                drain.stop();

                assertThat(idle.get(SEED_ARTICLE))
                        .as("a request on a connection that was idle at the drain")
                        .isEmpty();
                assertThat(drain.isRunning()).isFalse();
            }
            try (KeepAliveConnection later = new KeepAliveConnection(port)) {
                Answer answer = later.get("/").orElseThrow();
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.header("Connection")).contains("close");
                assertThat(later.get("/"))
                        .as("the connection after its Connection: close answer")
                        .isEmpty();
            }
        } finally {
            drain.start();
        }
        try (KeepAliveConnection again = new KeepAliveConnection(port)) {
            assertThat(again.get("/").orElseThrow().header("Connection"))
                    .as("kept alive once started again")
                    .isEmpty();
            assertThat(again.get("/")).isPresent();
        }
    }
}
