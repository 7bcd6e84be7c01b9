package org.rlsblog.images;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The process that makes variants for the site (see {@link VariantChildren}): reads one {@link
 * VariantJob} a line from its standard input, makes and stores the variants, and answers each with
 * one line. It ends when its input ends, so that it never outlives the site. Public only because a
 * launcher starts it.
 */
public final class VariantWorker {

    /** Starts every answer, so that nothing else a library prints is taken for one. */
    static final String ANSWER = "rls-variants ";

    static final String MADE = "made";
    static final String CHANGED = "changed";
    static final String FAILED = "failed ";

    private VariantWorker() {}

    /** Arguments: the variant store's folder and the widths, separated by commas. */
    public static void main(String[] args) throws IOException {
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // only answers go to the site
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
        ImageStore store = new ImageStore(Path.of(args[0]));
        List<Integer> widths =
                Arrays.stream(args[1].split(",")).map(Integer::valueOf).toList();
        VariantMaker maker = new VariantMaker(widths);
        BufferedReader jobs = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = jobs.readLine(); line != null; line = jobs.readLine()) {
            answers.println(ANSWER + answer(line, maker, store));
        }
    }

    private static String answer(String line, VariantMaker maker, ImageStore store) {
        try {
            return VariantJob.parse(line).run(maker, store) == VariantJob.Outcome.MADE ? MADE : CHANGED;
        } catch (IOException | RuntimeException e) {
            // one line: the reason goes back whole but may not start another answer
            return FAILED + e.toString().replaceAll("[\\r\\n]+", " ");
        }
    }
}
