package dev.jitjava.store;

import dev.jitjava.Version;
import dev.jitjava.prompt.MethodKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every version of every generated method of one {@code Jit}, oldest first. It lives in memory:
 * generated code survives only as long as the process until the persistent store exists.
 */
public final class MethodHistory {
    private final Map<MethodKey, List<Version>> versions = new ConcurrentHashMap<>();

    /** The versions of a method, oldest first; empty if it was never generated. */
    public List<Version> versions(MethodKey key) {
        List<Version> list = versions.get(key);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** Records a new current version. */
    public Version append(MethodKey key, String source, Optional<String> feedback, String model, Instant createdAt,
                          int attempts) {
        List<Version> list = versions.computeIfAbsent(key, k -> new ArrayList<>());
        synchronized (list) {
            Version version = new Version(list.size() + 1, source, feedback, model, createdAt, attempts);
            list.add(version);
            return version;
        }
    }
}
