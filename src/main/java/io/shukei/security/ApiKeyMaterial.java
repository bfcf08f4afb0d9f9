package io.shukei.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The form of a key: {@code shk_<prefix>_<secret>}, with a 48-bit public prefix (to find the row)
 * and a 192-bit secret. Only the SHA-256 of the whole key is stored, and it is compared in constant time.
 */
final class ApiKeyMaterial {

    static final String MARK = "shk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyMaterial() {
    }

    record Generated(String prefix, String key, byte[] hash) {
    }

    static Generated generate() {
        byte[] prefixBytes = new byte[6];
        byte[] secretBytes = new byte[24];
        RANDOM.nextBytes(prefixBytes);
        RANDOM.nextBytes(secretBytes);
        String prefix = HexFormat.of().formatHex(prefixBytes);
        String key = MARK + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        return new Generated(prefix, key, hash(key));
    }

    /** The prefix of a well-formed key, or null. */
    static String prefixOf(String key) {
        if (key == null || !key.startsWith(MARK) || key.length() != MARK.length() + 12 + 1 + 32
                || key.charAt(MARK.length() + 12) != '_') {
            return null;
        }
        String prefix = key.substring(MARK.length(), MARK.length() + 12);
        return prefix.chars().allMatch(c -> Character.digit(c, 16) >= 0) ? prefix : null;
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String presented, byte[] storedHash) {
        return MessageDigest.isEqual(hash(presented), storedHash);
    }
}
