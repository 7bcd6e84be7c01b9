package org.rlsblog.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The admin settings as bound at start: the password is kept only as its bcrypt hash. */
class AdminPropertiesTests {

    private static final String PLAIN = "a long admin password 4 tests";

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AdminProperties.class)
    static class Settings {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withPropertyValues("blog.admin.username=author", "blog.admin.password=" + PLAIN);

    @Test
    void keepsNoPlainPasswordInTheBoundSettings() {
        context.run(started -> {
            AdminProperties admin = started.getBean(AdminProperties.class);

            assertThat(admin.enabled()).isTrue();
            assertThat(admin.toString()).doesNotContain(PLAIN);
            for (Field field : instanceFields(admin.getClass())) {
                field.setAccessible(true);
                assertThat(String.valueOf(field.get(admin)))
                        .as("field %s", field.getName())
                        .doesNotContain(PLAIN);
            }
        });
    }

    @Test
    void letsTheAdminLogInWithThePasswordItNoLongerHolds() {
        context.run(started -> {
            AdminProperties admin = started.getBean(AdminProperties.class);
            PasswordEncoder encoder = new BCryptPasswordEncoder();

            UserDetailsService users = new SecurityConfiguration().adminUsers(admin);

            String stored = users.loadUserByUsername("author").getPassword();
            assertThat(stored).startsWith("$2").doesNotContain(PLAIN);
            assertThat(encoder.matches(PLAIN, stored)).isTrue();
            assertThat(encoder.matches("a wrong guess", stored)).isFalse();
        });
    }

    @Test
    void switchesTheAdminAreaOffWithoutAPassword() {
        new ApplicationContextRunner()
                .withUserConfiguration(Settings.class)
                .withPropertyValues("blog.admin.password=  ")
                .run(started -> {
                    AdminProperties admin = started.getBean(AdminProperties.class);

                    assertThat(admin.enabled()).isFalse();
                    assertThat(admin.username()).isEqualTo("admin");
                    assertThat(admin.toString()).contains("(not set)");
                });
    }

    private static Field[] instanceFields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .toArray(Field[]::new);
    }
}
