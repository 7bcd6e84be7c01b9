package org.rlsblog.images;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One {@link VariantWorker} process, given one job at a time. A thread reads its answers, so that
 * a worker that hangs is noticed after the timeout and stopped.
 */
final class VariantChild implements AutoCloseable {

    /** No line read can hold a line break: this one says the worker's output ended. */
    private static final String ENDED = "\n";

    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final Process process;
    private final BufferedWriter jobs;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    VariantChild(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        // the worker gets its options from the command alone, not the site's (heap, collector)
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        process = builder.start();
        jobs = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(this::readAnswers, "image-variants-answers-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Gives the worker one job and waits for its answer; stops the worker when it takes too long. */
    VariantJob.Outcome run(VariantJob job, Duration timeout) throws IOException, InterruptedException {
        try {
            jobs.write(job.line());
            jobs.newLine();
            jobs.flush();
        } catch (IOException e) {
            throw new WorkerEnded(ended());
        }
        String answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (answer == null) {
            close();
            throw new IOException("making its variants took longer than " + timeout.toMillis()
                    + " ms (blog.images.worker.timeout); the worker process was stopped");
        }
        if (answer.equals(ENDED)) {
            throw new WorkerEnded(ended());
        }
        if (answer.equals(VariantWorker.MADE)) {
            return VariantJob.Outcome.MADE;
        }
        if (answer.equals(VariantWorker.CHANGED)) {
            return VariantJob.Outcome.CHANGED;
        }
        throw new IOException(
                answer.startsWith(VariantWorker.FAILED)
                        ? answer.substring(VariantWorker.FAILED.length())
                        : "the worker process answered " + answer);
    }

    @Override
    public void close() {
        try {
            jobs.close(); // its input ends: the worker stops by itself
        } catch (IOException e) {
            // it has gone already
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            // the site stopping interrupts this thread: the worker is still waited for, so none outlives it
            process.destroyForcibly();
            awaitExit();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for a killed worker, which ends at once, through any further interrupt. */
    private void awaitExit() {
        while (process.isAlive()) {
            try {
                process.waitFor();
            } catch (InterruptedException again) {
                // keep waiting; the caller sets the interrupt again
            }
        }
    }

    private String ended() throws InterruptedException {
        boolean exited = process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return "the worker process ended while making them"
                + (exited ? " (exit code " + process.exitValue() + ")" : "");
    }

    private void readAnswers() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(VariantWorker.ANSWER)) {
                    answers.add(line.substring(VariantWorker.ANSWER.length()));
                }
            }
        } catch (IOException e) {
            // the worker ended
        } finally {
            answers.add(ENDED);
        }
    }

    /** The worker process ended without answering: its image may be tried once more in a new one. */
    static final class WorkerEnded extends IOException {
        WorkerEnded(String message) {
            super(message);
        }
    }
}
