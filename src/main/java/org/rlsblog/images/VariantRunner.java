package org.rlsblog.images;

import java.io.IOException;

/** Runs variant jobs: in the site's own JVM, or in worker processes ({@link VariantChildren}). */
interface VariantRunner extends AutoCloseable {

    /** Makes one image's variants; throws with the reason when they cannot be made. */
    VariantJob.Outcome run(VariantJob job) throws IOException, InterruptedException;

    /** No work is left for now: what is kept only for work may go. */
    default void idle() {}

    @Override
    default void close() {}

    /** Runs jobs on the calling thread, in this JVM. */
    static VariantRunner inProcess(VariantMaker maker, ImageStore store) {
        return job -> job.run(maker, store);
    }
}
