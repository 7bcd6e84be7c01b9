package org.rlsblog.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rlsblog.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The admin login throttle through the whole site: counted per IPv4 address or IPv6 /64, per
 * account and for the whole site, answered with the site's 429 page and a Retry-After. Its own
 * application with two attempts per client, so exhausting the account does not touch other tests;
 * each test starts a day later, when every limit has refilled.
 */
@SpringBootTest(
        properties = {
            "blog.watch=false",
            "blog.content-dir=./content",
            "blog.admin.username=author",
            "blog.admin.password=" + LoginThrottleFlowTests.PASSWORD,
            "blog.admin.login-attempts=2",
            "blog.admin.login-window=15m"
        })
@AutoConfigureMockMvc
@Import(TestClock.InContext.class)
class LoginThrottleFlowTests {

    static final String PASSWORD = "a long and correct admin password";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestClock clock;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        try {
            Path data = Files.createTempDirectory("rls-blog-login-throttle");
            registry.add("blog.data-dir", data::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void aDayLater() {
        clock.advance(Duration.ofDays(1));
    }

    @Test
    void countsEveryAddressOfAnIpv6Slash64AsOneClient() {
        int net = SEQUENCE.incrementAndGet();
        assertThat(login("2001:db8:" + net + ":1::1", "author", "guess 1")).hasStatus(302);
        assertThat(login("2001:db8:" + net + ":1::2", "author", "guess 2")).hasStatus(302);

        MvcTestResult third = login("2001:db8:" + net + ":1:ffff:1:2:3", "author", "guess 3");

        assertThat(third).hasStatus(429);
        assertThat(login("2001:db8:" + net + ":2::1", "author", PASSWORD))
                .as("the next /64 is another client")
                .hasStatus(302)
                .hasRedirectedUrl("/admin/comments");
    }

    @Test
    void countsAnIpv4AddressAndItsIpv6MappedFormAsOneClient() {
        String v4 = "192.0.2." + SEQUENCE.incrementAndGet();
        assertThat(login(v4, "author", "guess 1")).hasStatus(302);
        assertThat(login("::ffff:" + v4, "author", "guess 2")).hasStatus(302);

        assertThat(login(v4, "author", "guess 3")).hasStatus(429);
    }

    @Test
    void limitsGuessesAtOneAccountFromManyClients() {
        MvcTestResult refused = null;
        for (int client = 0; client < 100 && refused == null; client++) {
            MvcTestResult result = login(aNewClient(), "author", "guess " + client);
            if (result.getResponse().getStatus() == 429) {
                refused = result;
            }
        }

        assertThat(refused != null)
                .as("a refusal within 100 clients of one guess each")
                .isTrue();
        assertThat(login(aNewClient(), "Author", PASSWORD))
                .as("the account is counted whatever its case")
                .hasStatus(429);
    }

    @Test
    void limitsGuessesAtTheWholeSiteFromManyClientsAndNames() {
        MvcTestResult refused = null;
        for (int client = 0; client < 200 && refused == null; client++) {
            MvcTestResult result = login(aNewClient(), client % 2 == 0 ? "author" : "someone-" + client, "guess");
            if (result.getResponse().getStatus() == 429) {
                refused = result;
            }
        }

        assertThat(refused != null).as("a refusal within 200 clients and names").isTrue();
        assertThat(login(aNewClient(), "yet-another-name", "guess")).hasStatus(429);
    }

    @Test
    void answersARefusedLoginWithTheSitesPageAndWhenToTryAgain() throws Exception {
        String client = aNewClient();
        login(client, "author", "guess 1");
        login(client, "author", "guess 2");

        MvcTestResult refused = login(client, "author", PASSWORD);

        assertThat(refused).hasStatus(429);
        String retryAfter = refused.getResponse().getHeader("Retry-After");
        assertThat(retryAfter).isNotNull();
        assertThat(Long.parseLong(retryAfter)).isPositive();
        // the error page is rendered on the error dispatch, which MockMvc does not follow
        assertThat(refused.getResponse().getErrorMessage()).isNotBlank();
    }

    @Test
    void letsTheAuthorInAgainOnceTheRefusalHasPassed() {
        String client = aNewClient();
        login(client, "author", "guess 1");
        login(client, "author", "guess 2");
        MvcTestResult refused = login(client, "author", PASSWORD);
        assertThat(refused).hasStatus(429);

        clock.advance(Duration.ofSeconds(Long.parseLong(refused.getResponse().getHeader("Retry-After"))));

        assertThat(login(client, "author", PASSWORD)).hasStatus(302).hasRedirectedUrl("/admin/comments");
    }

    private MvcTestResult login(String client, String username, String password) {
        return mvc.post()
                .uri("/admin/login")
                .with(csrf())
                .with(from(client))
                .with(asTomcatDispatches())
                .param("username", username)
                .param("password", password)
                .exchange();
    }

    /** A client in an IPv4 address no other test used. */
    private static String aNewClient() {
        int n = SEQUENCE.incrementAndGet();
        return "10.88." + (n / 250) + "." + (n % 250 + 1);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The throttle matches on the servlet path, which Tomcat sets and MockMvc leaves empty. */
    private static RequestPostProcessor asTomcatDispatches() {
        return request -> {
            request.setServletPath(request.getRequestURI());
            request.setPathInfo(null);
            return request;
        };
    }
}
