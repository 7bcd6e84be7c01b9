package org.rlsblog.images;

/**
 * What an image file's header says: its format and size as stored, the EXIF orientation (1 to 8,
 * 1 when there is none) that says how to turn it for display, and whether it is animated.
 */
record ImageHeader(String format, int width, int height, int orientation, boolean animated) {

    ImageHeader(String format, int width, int height, int orientation) {
        this(format, width, height, orientation, false);
    }

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

    /**
     * The file extension of the variants besides WebP: a GIF's are PNG, because resized pixels
     * take more than a GIF's 256 colours and PNG keeps them all, with transparency, in every
     * browser. A WebP image has WebP variants only.
     */
    String extension() {
        return switch (format) {
            case "jpeg" -> "jpg";
            case "png", "gif" -> "png";
            default -> "webp";
        };
    }

    /** The format the variants besides WebP are written in (see {@link #extension()}). */
    String variantFormat() {
        return format.equals("jpeg") ? "jpeg" : extension();
    }

    /** Whether variants are made: not of an animation, which one still frame would silently replace. */
    boolean hasVariants() {
        return !animated;
    }
}
