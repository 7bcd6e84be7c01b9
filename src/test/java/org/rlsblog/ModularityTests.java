package org.rlsblog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    /**
     * Which feature package may use which: the map in docs/architecture.md. Everything else may use
     * the application's root package ({@link NotFoundException}); nothing depends on {@code
     * pagecache} or {@code server}, so either can be switched off or replaced.
     */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("content", Set.of()),
            Map.entry("comments", Set.of()),
            Map.entry("search", Set.of("content")),
            Map.entry("feed", Set.of("content", "comments")),
            Map.entry("importer", Set.of("content", "comments")),
            Map.entry("moderation", Set.of("content", "comments")),
            Map.entry("notification", Set.of("content", "comments")),
            Map.entry("newsletter", Set.of("web", "content", "comments", "notification")),
            Map.entry("web", Set.of("content", "comments", "search", "throttle")),
            Map.entry("article", Set.of("web", "content", "comments", "search", "notification")),
            Map.entry("security", Set.of("web", "throttle")),
            Map.entry("references", Set.of("content")),
            Map.entry("desk", Set.of("web", "content", "comments", "references", "notification")),
            Map.entry("pagecache", Set.of("article", "security", "web", "content", "comments", "search")),
            Map.entry("server", Set.of()),
            Map.entry("throttle", Set.of()),
            Map.entry("images", Set.of("content")));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rlsblog");

    @Test
    void keepsFeaturePackagesFreeOfCyclesAndInternalAccess() {
        ApplicationModules.of(RlsBlogApplication.class).verify();
    }

    @ParameterizedTest
    @MethodSource("packages")
    void usesOnlyThePackagesItIsAllowedTo(String module) {
        String[] forbidden = ALLOWED.keySet().stream()
                .filter(other -> !other.equals(module) && !ALLOWED.get(module).contains(other))
                .map(other -> "org.rlsblog." + other + "..")
                .toArray(String[]::new);
        noClasses()
                .that()
                .resideInAPackage("org.rlsblog." + module + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden)
                .check(MAIN);
    }

    static Set<String> packages() {
        return ALLOWED.keySet();
    }

    @Test
    void listsEveryFeaturePackage() {
        assertThat(ApplicationModules.of(RlsBlogApplication.class).stream()
                        .map(module -> module.getBasePackage().getName().substring("org.rlsblog.".length())))
                .containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }
}
