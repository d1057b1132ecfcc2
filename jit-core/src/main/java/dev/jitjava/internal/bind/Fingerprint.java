package dev.jitjava.internal.bind;

/**
 * 64-bit FNV-1a of a text, in hex: names cache entries by what they were made from. A cache key,
 * not a defence; SHA-256 would cost tens of milliseconds at start-up for no gain here.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(CharSequence text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return Long.toHexString(hash);
    }
}
