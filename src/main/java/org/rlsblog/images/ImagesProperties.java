package org.rlsblog.images;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How images are processed.
 *
 * @param widths the widths, in pixels, of the variants made of each image (never wider than the image)
 * @param maxPixels an image with more pixels than this (width × height, read from its header) is refused
 *     unread: a decompression bomb is small on disk and huge in memory
 * @param maxFileSize an image file larger than this is refused unread
 * @param threads threads that make variants; 0 means the number of cores less one (at least one)
 * @param worker where variants are made: in worker processes, or in the site's own JVM
 */
@Validated
@ConfigurationProperties("blog.images")
record ImagesProperties(
        @DefaultValue({"480", "800", "1200", "1600"}) @NotEmpty
        List<@Min(16) Integer> widths,

        @DefaultValue("60000000") @Min(1) long maxPixels,
        @DefaultValue("30MB") @NotNull DataSize maxFileSize,
        @DefaultValue("0") @Min(0) int threads,
        @DefaultValue @Valid @NotNull Worker worker) {

    /**
     * The processes that make variants, one for each thread, living while there is work.
     *
     * @param enabled whether variants are made in worker processes; false makes them in the site's JVM
     * @param heap each worker's maximum heap: enough for the largest image allowed
     * @param nice how much less a worker's threads count for the kernel than the site's (0 to 19)
     * @param timeout how long one image may take before its worker is stopped and the image given up
     */
    record Worker(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("192MB") @NotNull DataSize heap,
            @DefaultValue("10") @Min(0) @Max(19) int nice,
            @DefaultValue("2m") @NotNull Duration timeout) {

        static Worker defaults() {
            return new Worker(true, DataSize.ofMegabytes(192), 10, Duration.ofMinutes(2));
        }
    }

    ImagesProperties {
        widths = widths.stream().sorted().distinct().toList();
    }

    /** The threads to use: as set, or the cores less one, at least one. */
    int threadCount() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    static ImagesProperties defaults() {
        return new ImagesProperties(
                List.of(480, 800, 1200, 1600), 60_000_000L, DataSize.ofMegabytes(30), 0, Worker.defaults());
    }
}
