package org.rlsblog.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A YouTube or Vimeo video named by a web address, with the two addresses a page needs: the video
 * on its site (the poster's link) and the privacy-respecting player (the iframe after a click).
 * Only an id of the site's exact form is taken, and the addresses are rebuilt from it, so nothing
 * else of the author's address reaches the page.
 *
 * @param hash an unlisted Vimeo video's key, or null
 * @param start where a YouTube video starts playing, in seconds (0: at the beginning)
 * @param portrait a YouTube short, shown upright
 */
record VideoLink(Site site, String id, @Nullable String hash, int start, boolean portrait) {

    /** The video sites, with the name a reader knows them by. */
    enum Site {
        YOUTUBE("YouTube"),
        VIMEO("Vimeo");

        private final String label;

        Site(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern VIMEO_PATH = Pattern.compile("/([0-9]{1,12})(?:/([0-9a-f]{6,32}))?/?");
    /** A start time as YouTube writes it: {@code 90}, {@code 90s} or {@code 1h2m3s}. */
    private static final Pattern START =
            Pattern.compile("([0-9]{1,6})s?|(?:([0-9]{1,2})h)?(?:([0-9]{1,4})m)?(?:([0-9]{1,6})s)?");

    private static final int SECONDS_PER_MINUTE = 60;
    private static final int SECONDS_PER_HOUR = 3600;
    /** Longer than any web address of a video; anything longer is not one. */
    private static final int MAX_LENGTH = 500;

    private static final Set<String> YOUTUBE_HOSTS = Set.of("youtube.com", "www.youtube.com", "m.youtube.com");
    private static final Set<String> VIMEO_HOSTS = Set.of("vimeo.com", "www.vimeo.com");

    VideoLink {
        boolean valid = site == Site.YOUTUBE
                ? YOUTUBE_ID.matcher(id).matches() && hash == null
                : id.chars().allMatch(c -> c >= '0' && c <= '9') && !id.isEmpty() && !portrait && start == 0;
        if (!valid || start < 0) {
            throw new IllegalArgumentException("not a " + site.label() + " video: " + id);
        }
    }

    /**
     * The video an address names: {@code youtube.com/watch?v=ID}, {@code youtu.be/ID}, {@code
     * youtube.com/shorts/ID}, {@code vimeo.com/ID} or {@code vimeo.com/ID/KEY}, over http or https;
     * null for any other address.
     */
    static @Nullable VideoLink parse(String address) {
        if (address.length() > MAX_LENGTH) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        String path = uri.getRawPath();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                || host == null
                || path == null
                || uri.getRawUserInfo() != null
                || uri.getPort() != -1) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        String query = uri.getRawQuery();
        if (host.equals("youtu.be")) {
            return path.startsWith("/") ? youTube(path.substring(1), query, false) : null;
        }
        if (YOUTUBE_HOSTS.contains(host)) {
            if (path.equals("/watch")) {
                String id = parameter(query, "v");
                return id == null ? null : youTube(id, query, false);
            }
            if (path.startsWith("/shorts/")) {
                return youTube(path.substring("/shorts/".length()), query, true);
            }
            return null;
        }
        if (VIMEO_HOSTS.contains(host)) {
            Matcher vimeo = VIMEO_PATH.matcher(path);
            return vimeo.matches() ? new VideoLink(Site.VIMEO, vimeo.group(1), vimeo.group(2), 0, false) : null;
        }
        return null;
    }

    /** The video on its own site: where the poster leads without JavaScript. */
    String watchUrl() {
        return switch (site) {
            case YOUTUBE ->
                portrait
                        ? "https://www.youtube.com/shorts/" + id
                        : "https://www.youtube.com/watch?v=" + id + (start > 0 ? "&t=" + start + "s" : "");
            case VIMEO -> "https://vimeo.com/" + id + (hash != null ? "/" + hash : "");
        };
    }

    /** The player loaded after the click: YouTube without cookies, Vimeo told not to track. */
    String playerUrl() {
        return switch (site) {
            case YOUTUBE ->
                "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1" + (start > 0 ? "&start=" + start : "");
            case VIMEO ->
                "https://player.vimeo.com/video/" + id + "?" + (hash != null ? "h=" + hash + "&" : "")
                        + "autoplay=1&dnt=1";
        };
    }

    private static @Nullable VideoLink youTube(String id, @Nullable String query, boolean portrait) {
        if (!YOUTUBE_ID.matcher(id).matches()) {
            return null;
        }
        String time = parameter(query, "t");
        if (time == null) {
            time = parameter(query, "start");
        }
        return new VideoLink(Site.YOUTUBE, id, null, time == null ? 0 : seconds(time), portrait);
    }

    /** A start time in seconds; 0 (the beginning) for a time of any other form. */
    private static int seconds(String time) {
        Matcher matcher = START.matcher(time);
        if (time.isEmpty() || !matcher.matches()) {
            return 0;
        }
        if (matcher.group(1) != null) {
            return Integer.parseInt(matcher.group(1));
        }
        return number(matcher.group(2)) * SECONDS_PER_HOUR
                + number(matcher.group(3)) * SECONDS_PER_MINUTE
                + number(matcher.group(4));
    }

    private static int number(@Nullable String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    /** A query parameter's raw value (not decoded: an id or time never needs decoding), or null. */
    private static @Nullable String parameter(@Nullable String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }
}
