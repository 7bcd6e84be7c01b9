package org.rlsblog.security;

import java.security.SecureRandom;

/**
 * A {@link SecureRandom} that hands each thread its own generator. Every new visitor gets a CSRF
 * token and every page a masked copy of it; with one shared generator, request threads queued on
 * its lock and an article answered at a third of the rate of a list page.
 */
final class PerThreadSecureRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;
    /** DRBG instances keep their own state; the default NativePRNG shares one lock across instances. */
    private static final ThreadLocal<SecureRandom> GENERATORS = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
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
