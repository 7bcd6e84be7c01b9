package org.rlsblog.comments;

import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The one-click links in the author's mail, which approve a comment or mark it as spam: signed and expiring. */
@Component
class ModerationLinks {

    static final String PURPOSE = "moderation";
    static final Duration LIFETIME = Duration.ofDays(14);

    private final SignedTokens tokens;
    private final CommentReads reads;

    ModerationLinks(SignedTokens tokens, CommentReads reads) {
        this.tokens = tokens;
        this.reads = reads;
    }

    /** The token of a link that moves the comment to {@code status}: {@code id.STATUS.expiry.signature}. */
    String token(long id, CommentStatus status) {
        if (status != CommentStatus.APPROVED && status != CommentStatus.SPAM) {
            throw new IllegalArgumentException("mail links only approve or mark as spam");
        }
        return tokens.signExpiring(PURPOSE, id + "." + status.name(), LIFETIME);
    }

    /** What a genuine, unexpired token asks for, if its comment is still there. */
    Optional<ModerationRequest> request(String token) {
        // trailing dots were always ignored here: a link copied with the full stop after it works
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '.') {
            end--;
        }
        String[] idAndStatus = tokens.verifyUnexpired(PURPOSE, token.substring(0, end))
                .map(payload -> payload.split("\\."))
                .orElse(new String[0]);
        if (idAndStatus.length != 2) {
            return Optional.empty();
        }
        try {
            CommentStatus status = CommentStatus.valueOf(idAndStatus[1]);
            return reads.findById(Long.parseLong(idAndStatus[0])).map(c -> new ModerationRequest(c, status));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
