package dev.jitjava.internal.bind;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One computation per key at a time, and its result kept.
 *
 * <p>If another thread is computing the value for a key when {@link #get} is called, this thread
 * simply waits for that thread to finish and returns (or throws) its result. The computation runs
 * in the calling thread, outside any lock, so computations of different keys proceed in parallel.
 * If it fails, the mapping is left unestablished: the waiting threads get the same exception and
 * the next call computes again. Failures are never cached.
 */
public final class SingleFlight<K, V> {
    private final ConcurrentHashMap<K, CompletableFuture<V>> flights = new ConcurrentHashMap<>();

    public V get(K key, Function<? super K, ? extends V> compute) {
        CompletableFuture<V> flight = flights.get(key);
        if (flight == null) {
            CompletableFuture<V> mine = new CompletableFuture<>();
            flight = flights.putIfAbsent(key, mine);
            if (flight == null) {
                return run(key, mine, compute);
            }
        }
        return await(flight);
    }

    /** Replaces the value for a key; later calls to {@link #get} return it. */
    public void put(K key, V value) {
        flights.put(key, CompletableFuture.completedFuture(value));
    }

    private V run(K key, CompletableFuture<V> mine, Function<? super K, ? extends V> compute) {
        try {
            V value = compute.apply(key);
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            flights.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static <V> V await(CompletableFuture<V> flight) {
        try {
            return flight.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
