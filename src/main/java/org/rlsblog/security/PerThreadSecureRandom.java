package org.rlsblog.security;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A {@link SecureRandom} that hands each thread its own generator. Every new visitor gets a CSRF
 * token and every page a masked copy of it; with one shared generator, request threads queue on
 * its lock, and pages with a form are answered much more slowly than those without.
 */
final class PerThreadSecureRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;
    /** DRBG instances keep their own state; the default NativePRNG shares one lock across instances. */
    private static final ThreadLocal<SecureRandom> GENERATORS = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    @Override
    public void nextBytes(byte[] bytes) {
        GENERATORS.get().nextBytes(bytes);
    }

    @Override
    public int nextInt() {
        return GENERATORS.get().nextInt();
    }

    @Override
    public long nextLong() {
        return GENERATORS.get().nextLong();
    }
}
