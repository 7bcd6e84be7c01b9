package org.rlsblog.importer;

/** The export cannot be imported: not WXR, broken XML, or an item this importer does not know. Names the place. */
class WxrFormatException extends Exception {

    WxrFormatException(String message) {
        super(message);
    }
}
