package org.rlsblog.images;

/**
 * What an image file's header says: its format and size as stored, and the EXIF orientation
 * (1 to 8, 1 when there is none) that says how to turn it for display.
 */
record ImageHeader(String format, int width, int height, int orientation) {

    /** Orientations 5 to 8 turn the image a quarter: width and height change places. */
    boolean turnsQuarter() {
        return orientation >= 5 && orientation <= 8;
    }

    int displayWidth() {
        return turnsQuarter() ? height : width;
    }

    int displayHeight() {
        return turnsQuarter() ? width : height;
    }

    long pixels() {
        return (long) width * height;
    }

    /** The file extension of variants in this format; WebP for formats with no variants of their own. */
    String extension() {
        return switch (format) {
            case "jpeg" -> "jpg";
            case "png" -> "png";
            default -> "webp";
        };
    }

    /** Whether variants are made: not of a GIF, whose animation they would lose. */
    boolean hasVariants() {
        return !format.equals("gif");
    }
}
