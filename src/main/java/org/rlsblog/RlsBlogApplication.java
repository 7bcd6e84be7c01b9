package org.rlsblog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.FileSystemUtils;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class RlsBlogApplication {

    public static void main(String[] args) {
        // let blog.data-dir be a plain relative path ("data"), not only "./data", in the H2 URL
        System.setProperty("h2.implicitRelativePath", System.getProperty("h2.implicitRelativePath", "true"));
        if (args.length > 0 && args[0].equals("import-wordpress")) {
            System.exit(runCommand(args));
        }
        SpringApplication.run(RlsBlogApplication.class, args);
    }

    /**
     * Runs a one-off command (such as {@code import-wordpress export.xml}) without the web server,
     * and returns its exit status; the command's runner does the work and reports it.
     */
    public static int runCommand(String... args) {
        Path scratch = null;
        try {
            String[] arguments = args;
            if (Arrays.asList(args).contains("--dry-run")) {
                scratch = Files.createTempDirectory("rls-blog-dry-run");
                arguments = dryRunArguments(args, scratch);
            }
            ConfigurableApplicationContext context = new SpringApplicationBuilder(RlsBlogApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .properties("blog.watch=false", "logging.level.root=warn")
                    .run(arguments);
            return SpringApplication.exit(context);
        } catch (RuntimeException | IOException e) {
            System.err.println("The command failed: " + e.getMessage());
            return 1;
        } finally {
            if (scratch != null) {
                FileSystemUtils.deleteRecursively(scratch.toFile());
            }
        }
    }

    /**
     * A dry run writes nothing: it starts against a store in memory and a scratch data folder, so
     * the real store gets no migrations and no comments from {@code content/comments}, and the data
     * folder no files (what the command reports comes from the export and the content folder).
     * Command-line arguments, so they win over the site's environment ({@code SPRING_DATASOURCE_URL}).
     */
    static String[] dryRunArguments(String[] args, Path scratch) {
        List<String> kept = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("--blog.data-dir=") && !arg.startsWith("--spring.datasource.")) {
                kept.add(arg);
            }
        }
        kept.add("--blog.data-dir=" + scratch.toAbsolutePath());
        kept.add("--spring.datasource.url=jdbc:h2:mem:dry-run-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        kept.add("--spring.datasource.driver-class-name=org.h2.Driver");
        kept.add("--spring.datasource.username=sa");
        kept.add("--spring.datasource.password=");
        return kept.toArray(String[]::new);
    }

    /** The one source of "now": future posts, purges and flood limits read it, and tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
