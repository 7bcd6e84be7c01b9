package org.rlsblog.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar rls-blog.jar import-wordpress export.xml [--dry-run] [--overwrite] [--uploads <folder>]
 * [--media-base-url <url>]}: runs the
 * {@link WordPressImporter} and prints its report. Does nothing when the application starts
 * without that command (the normal site). Exit status: {@value #EXIT_DONE} done, {@value
 * #EXIT_FAILED} the import failed (nothing written), {@value #EXIT_USAGE} wrong arguments.
 */
@Component
class ImportWordPressCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String COMMAND = "import-wordpress";
    static final String DRY_RUN = "dry-run";
    static final String OVERWRITE = "overwrite";
    static final String UPLOADS = "uploads";
    static final String MEDIA_BASE_URL = "media-base-url";
    static final int EXIT_DONE = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    private static final String USAGE = "usage: import-wordpress <export.xml> [--dry-run] [--overwrite]"
            + " [--uploads <folder> | --media-base-url <url>] [--blog.content-dir=<dir>] [--blog.data-dir=<dir>]";

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
        Map<String, String> values = new HashMap<>();
        List<String> exports = new ArrayList<>();
        if (!read(args.getSourceArgs(), values, exports) || exports.size() != 1) {
            err.println(USAGE);
            exitCode = EXIT_USAGE;
            return;
        }
        WordPressImporter.Options options = new WordPressImporter.Options(
                args.containsOption(DRY_RUN),
                args.containsOption(OVERWRITE),
                values.containsKey(UPLOADS) ? Path.of(values.get(UPLOADS)) : null,
                values.get(MEDIA_BASE_URL),
                OldSiteDownloads.DEFAULT_MAX_BYTES);
        try {
            importer.importFile(Path.of(exports.get(0)), options).print(out);
            exitCode = EXIT_DONE;
        } catch (WxrFormatException | IOException e) {
            err.println("WordPress import failed, nothing was written: " + e.getMessage());
            exitCode = EXIT_FAILED;
        }
    }

    /**
     * The command's words: the export, and the values of {@code --uploads} and {@code --media-base-url}
     * given after a space or after {@code =}. Other options are Spring's and left to it. False when
     * an option has no value.
     */
    static boolean read(String[] source, Map<String, String> values, List<String> exports) {
        for (int i = 1; i < source.length; i++) {
            String arg = source[i];
            boolean valued = false;
            for (String name : List.of(UPLOADS, MEDIA_BASE_URL)) {
                if (arg.equals("--" + name)) {
                    if (i + 1 >= source.length || source[i + 1].startsWith("--")) {
                        return false;
                    }
                    values.put(name, source[++i]);
                    valued = true;
                } else if (arg.startsWith("--" + name + "=")) {
                    values.put(name, arg.substring(name.length() + 3));
                    valued = true;
                }
            }
            if (!valued && !arg.startsWith("--")) {
                exports.add(arg);
            }
        }
        return values.values().stream().noneMatch(String::isBlank);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
