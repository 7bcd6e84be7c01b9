package org.rlsblog.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the application without the web server for {@code import-wordpress export.xml}, and
 * returns the exit status that {@link ImportWordPressCommand} reports.
 */
public final class ImportCommandLine {

    private static final String DRY_RUN = "--" + ImportWordPressCommand.DRY_RUN;
    private static final String DATA_DIR = "--blog.data-dir=";
    private static final String DATASOURCE = "--spring.datasource.";

    private ImportCommandLine() {}

    /** Whether these command-line arguments ask for the import instead of the site. */
    public static boolean handles(String... args) {
        return args.length > 0 && args[0].equals(ImportWordPressCommand.COMMAND);
    }

    /** Runs the command in a context of {@code application} without a web server. */
    public static int run(Class<?> application, String... args) {
        Path scratch = null;
        try {
            String[] arguments = args;
            if (Arrays.asList(args).contains(DRY_RUN)) {
                scratch = Files.createTempDirectory("rls-blog-dry-run");
                arguments = dryRunArguments(args, scratch);
            }
            ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .properties("blog.watch=false", "logging.level.root=warn")
                    .run(arguments);
            return SpringApplication.exit(context);
        } catch (RuntimeException | IOException e) {
            System.err.println("The command failed: " + e.getMessage());
            return ImportWordPressCommand.EXIT_FAILED;
        } finally {
            if (scratch != null) {
                FileSystemUtils.deleteRecursively(scratch.toFile());
            }
        }
    }

    /**
     * A dry run writes nothing: it starts against a store in memory and a scratch data folder, so
     * the real store gets no migrations and no comments from {@code content/comments}. These are
     * command-line arguments, so they win over the site's environment ({@code SPRING_DATASOURCE_URL}).
     */
    static String[] dryRunArguments(String[] args, Path scratch) {
        List<String> kept = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith(DATA_DIR) && !arg.startsWith(DATASOURCE)) {
                kept.add(arg);
            }
        }
        kept.add(DATA_DIR + scratch.toAbsolutePath());
        kept.add(DATASOURCE + "url=jdbc:h2:mem:dry-run-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        kept.add(DATASOURCE + "driver-class-name=org.h2.Driver");
        kept.add(DATASOURCE + "username=sa");
        kept.add(DATASOURCE + "password=");
        return kept.toArray(String[]::new);
    }
}
