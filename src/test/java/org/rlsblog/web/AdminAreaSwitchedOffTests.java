package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared site has no {@code blog.admin.password}: then {@code /admin} is closed to everyone. */
class AdminAreaSwitchedOffTests extends SiteTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"/admin", "/admin/comments", "/admin/login"})
    void deniesTheAdminAreaToAnonymousVisitors(String path) {
        assertThat(mvc.get().uri(path).exchange()).hasStatus(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin", "/admin/comments"})
    void deniesTheAdminAreaEvenToAnAdminUser(String path) {
        assertThat(mvc.get().uri(path).with(user("admin").roles("ADMIN")).exchange())
                .hasStatus(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/login", "/admin/comments/1/approve", "/admin/comments/bulk"})
    void refusesEveryAdminPost(String path) {
        assertThat(mvc.post()
                        .uri(path)
                        .with(csrf())
                        .param("username", "admin")
                        .param("password", "admin")
                        .param("ids", "1")
                        .param("action", "delete")
                        .exchange())
                .hasStatus(403);
    }
}
