package org.rlsblog.images;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * One image whose variants are to be made, and the making itself, the same in the site and in a
 * {@link VariantWorker}: as a line of text it crosses to the worker process.
 */
record VariantJob(String hash, Path file, ImageHeader header) {

    /** What became of a job that threw nothing. */
    enum Outcome {
        MADE,
        /** The file changed while it was read: the new content has another hash and its own turn. */
        CHANGED
    }

    private static final String SEPARATOR = "\t";
    private static final int FIELDS = 6;

    /** Makes the variants and keeps them in the store, unless the file changed meanwhile. */
    Outcome run(VariantMaker maker, ImageStore store) throws IOException {
        BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
        Map<String, byte[]> variants = maker.make(file, header);
        BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
        if (now.size() != before.size() || !now.lastModifiedTime().equals(before.lastModifiedTime())) {
            return Outcome.CHANGED;
        }
        store.save(hash, variants);
        return Outcome.MADE;
    }

    /** One line, the file as a URI so that no character of its name can break the line. */
    String line() {
        return String.join(
                SEPARATOR,
                hash,
                header.format(),
                Integer.toString(header.width()),
                Integer.toString(header.height()),
                Integer.toString(header.orientation()),
                file.toUri().toString());
    }

    static VariantJob parse(String line) {
        String[] fields = line.split(SEPARATOR, FIELDS);
        if (fields.length != FIELDS || !ImageStore.HASH.matcher(fields[0]).matches()) {
            throw new IllegalArgumentException("not a variant job: " + line);
        }
        ImageHeader header = new ImageHeader(
                fields[1], Integer.parseInt(fields[2]), Integer.parseInt(fields[3]), Integer.parseInt(fields[4]));
        return new VariantJob(fields[0], Path.of(URI.create(fields[5])), header);
    }
}
