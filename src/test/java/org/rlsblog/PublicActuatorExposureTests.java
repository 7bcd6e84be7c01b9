package org.rlsblog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The actuator in the default configuration (no management port of its own): health and info
 * answer on the public port, with no details; nothing else of the actuator is reachable there.
 */
class PublicActuatorExposureTests extends CommentSiteTestSupport {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator/env",
                "/actuator/beans",
                "/actuator/prometheus",
                "/actuator/metrics",
                "/actuator/configprops",
                "/actuator/loggers",
                "/actuator/heapdump",
                "/actuator/threaddump",
                "/actuator/mappings",
                "/actuator/shutdown"
            })
    void keepsEveryOtherActuatorEndpointOffThePublicPort(String path) {
        MvcTestResult result = mvc.get().uri(path).exchange();

        assertThat(result).as("GET %s", path).hasStatus(404);
    }

    @Test
    void refusesAShutdownRequestOnThePublicPort() {
        MvcTestResult result = mvc.post().uri("/actuator/shutdown").exchange();

        assertThat(result.getResponse().getStatus()).isIn(403, 404, 405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"})
    void answersTheHealthProbesWithAStatusButNoDetails(String path) {
        MvcTestResult result = mvc.get().uri(path).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("UP");
        assertThat(result).bodyJson().doesNotHavePath("$.components");
        assertThat(result).bodyJson().doesNotHavePath("$.details");
    }

    @Test
    void answersTheBuildInfoOnThePublicPort() {
        MvcTestResult result = mvc.get().uri("/actuator/info").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.build.version").isEqualTo("0.1.0-SNAPSHOT");
    }
}
