package org.rlsblog.comments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The site's key, made at random on first start and kept in the database, so every replica shares
 * it and nothing secret is configured or committed. Signs tokens (see {@link SignedTokens}) and
 * hashes client addresses. The hash is a pseudonym, not anonymity: anyone holding the database
 * holds the key too, and can hash all IPv4 addresses to find a match.
 */
@Component
class SiteSecrets {

    private static final String KEY_NAME = "comments-hmac";
    private static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;
    /** One keyed MAC per thread: made once, reset by each doFinal (forms are signed on every page). */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    SiteSecrets(JdbcClient jdbc, Clock clock) {
        this.key = Base64.getDecoder().decode(loadOrCreate(jdbc, clock, KEY_NAME));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String loadOrCreate(JdbcClient jdbc, Clock clock, String name) {
        var existing = jdbc.sql("SELECT secret FROM site_secret WHERE name = :name")
                .param("name", name)
                .query(String.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] random = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getEncoder().encodeToString(random);
        try {
            jdbc.sql("INSERT INTO site_secret (name, secret, created_at) VALUES (:name, :secret, :now)")
                    .param("name", name)
                    .param("secret", secret)
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            return secret;
        } catch (DuplicateKeyException anotherReplicaWasFirst) {
            return jdbc.sql("SELECT secret FROM site_secret WHERE name = :name")
                    .param("name", name)
                    .query(String.class)
                    .single();
        }
    }

    /** HMAC-SHA256 of {@code purpose} and {@code value}, hex; different purposes never share a value. */
    String sign(String purpose, String value) {
        Mac mac = macs.get();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code signature} is {@code sign(purpose, value)}, compared in constant time. */
    boolean verify(String purpose, String value, String signature) {
        return MessageDigest.isEqual(
                sign(purpose, value).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
