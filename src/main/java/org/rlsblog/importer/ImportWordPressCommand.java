package org.rlsblog.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar rls-blog.jar import-wordpress export.xml [--dry-run] [--overwrite]}: runs the
 * {@link WordPressImporter} and prints its report. Does nothing when the application starts
 * without that command (the normal site). Exit status: {@value #EXIT_DONE} done, {@value
 * #EXIT_FAILED} the import failed (nothing written), {@value #EXIT_USAGE} wrong arguments.
 */
@Component
class ImportWordPressCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String COMMAND = "import-wordpress";
    static final String DRY_RUN = "dry-run";
    static final String OVERWRITE = "overwrite";
    static final int EXIT_DONE = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    private static final String USAGE = "usage: import-wordpress <export.xml> [--dry-run] [--overwrite]"
            + " [--blog.content-dir=<dir>] [--blog.data-dir=<dir>]";

    private final WordPressImporter importer;
    private final PrintStream out;
    private final PrintStream err;
    private int exitCode;

    ImportWordPressCommand(WordPressImporter importer) {
        this.importer = importer;
        this.out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        this.err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty() || !words.get(0).equals(COMMAND)) {
            return;
        }
        if (words.size() != 2) {
            err.println(USAGE);
            exitCode = EXIT_USAGE;
            return;
        }
        WordPressImporter.Options options =
                new WordPressImporter.Options(args.containsOption(DRY_RUN), args.containsOption(OVERWRITE));
        try {
            importer.importFile(Path.of(words.get(1)), options).print(out);
            exitCode = EXIT_DONE;
        } catch (WxrFormatException | IOException e) {
            err.println("WordPress import failed, nothing was written: " + e.getMessage());
            exitCode = EXIT_FAILED;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
