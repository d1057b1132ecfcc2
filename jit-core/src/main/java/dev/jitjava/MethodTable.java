package dev.jitjava;

import dev.jitjava.bind.SingleFlight;
import dev.jitjava.prompt.MethodKey;
import dev.jitjava.prompt.MethodSpec;
import dev.jitjava.store.MethodHistory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MutableCallSite;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every method one {@code Jit} knows, with its spec, its call site and its versions.
 *
 * <p>Generating a method that does not exist yet is single flight: however many threads call it
 * at once, one generates it and the others wait for that result. Improving a method is serialized
 * per method; it rebinds the call site, so calls already under way finish on the old version and
 * later ones run the new one.
 */
final class MethodTable {
    private final Generator generator;
    private final Clock clock;
    private final MethodHistory history = new MethodHistory();
    private final ConcurrentHashMap<MethodKey, Entry> entries = new ConcurrentHashMap<>();
    private final SingleFlight<MethodKey, MethodHandle> flights = new SingleFlight<>();

    MethodTable(Generator generator, Clock clock) {
        this.generator = generator;
        this.clock = clock;
    }

    /** A known method. The call site exists from the start for interface methods, from the first version for dynamic ones. */
    static final class Entry {
        final MethodSpec spec;
        private MutableCallSite site;

        Entry(MethodSpec spec, MutableCallSite site) {
            this.spec = spec;
            this.site = site;
        }

        synchronized MutableCallSite site() {
            return site;
        }
    }

    /** Registers a method, or returns the entry already registered under its key. */
    Entry register(MethodSpec spec, MutableCallSite site) {
        return entries.computeIfAbsent(spec.key(), key -> new Entry(spec, site));
    }

    Optional<Entry> entry(MethodKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The entries of one owner, in no particular order. */
    List<Entry> entriesOf(String owner) {
        return entries.values().stream().filter(e -> e.spec.key().owner().equals(owner)).toList();
    }

    /** The method's bound handle, generating the method first if it has no version yet. */
    MethodHandle link(MethodKey key) {
        return flights.get(key, k -> {
            Entry entry = entries.get(k);
            Generator.Generated generated = generator.generate(entry.spec, List.of(), null);
            bind(entry, generated, Optional.empty());
            return generated.handle();
        });
    }

    /** Writes a new version from feedback and rebinds the method to it. */
    Version improve(MethodKey key, String feedback) {
        Entry entry = entries.get(key);
        synchronized (entry) {
            List<Version> versions = history.versions(key);
            if (versions.isEmpty()) {
                throw new JitException("Nothing to improve yet: the method is written on its first call, so call it "
                        + "once before improving it, " + key.forMethod());
            }
            Generator.Generated generated = generator.generate(entry.spec, versions, feedback);
            Version version = bind(entry, generated, Optional.of(feedback));
            flights.put(key, generated.handle());
            return version;
        }
    }

    List<Version> history(MethodKey key) {
        return history.versions(key);
    }

    String source(MethodKey key) {
        List<Version> versions = history.versions(key);
        if (versions.isEmpty()) {
            throw new JitException("No source yet: the method is written on its first call, " + key.forMethod());
        }
        return versions.get(versions.size() - 1).source();
    }

    private Version bind(Entry entry, Generator.Generated generated, Optional<String> feedback) {
        synchronized (entry) {
            MethodHandle target = entry.site == null ? generated.handle() : adapt(generated, entry);
            Version version = history.append(entry.spec.key(), generated.source(), feedback, generated.model(),
                    clock.instant(), generated.attempts());
            if (entry.site == null) {
                entry.site = new MutableCallSite(target);
            } else {
                entry.site.setTarget(target);
                MutableCallSite.syncAll(new MutableCallSite[]{entry.site});
            }
            return version;
        }
    }

    private static MethodHandle adapt(Generator.Generated generated, Entry entry) {
        try {
            return generated.handle().asType(entry.site.type());
        } catch (java.lang.invoke.WrongMethodTypeException e) {
            throw new JitException("The new version returns " + generated.handle().type().returnType().getName()
                    + " where callers expect " + entry.site.type().returnType().getName() + ", "
                    + entry.spec.key().forMethod(), e);
        }
    }
}
