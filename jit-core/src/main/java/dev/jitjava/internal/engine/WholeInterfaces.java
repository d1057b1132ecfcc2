package dev.jitjava.internal.engine;

import dev.jitjava.JitException;
import dev.jitjava.Preparation;
import dev.jitjava.Verification;
import dev.jitjava.internal.method.InterfaceMethods;
import dev.jitjava.internal.method.MethodKey;
import dev.jitjava.internal.method.MethodSpec;
import dev.jitjava.internal.method.Owner;
import dev.jitjava.internal.method.Specs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What {@code Jit} does with an engine for whole interfaces (verify, prepare) or by a method's
 * name. Kept out of {@code Jit}, which every start loads: the JVM verifies a class's every method
 * when it loads it, and loads the classes they catch and check, start-up or not.
 */
public final class WholeInterfaces {
    private WholeInterfaces() {
    }

    /** Every abstract method of the interfaces checked against the store, without the model. */
    public static Verification verify(Engine engine, Class<?>... ifaces) {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Class<?> iface : ifaces) {
            InterfaceValidation.validate(iface);
            for (MethodSpec spec : Specs.forInterface(Owner.Interface.of(iface), InterfaceMethods.toGenerate(iface))) {
                checked++;
                String problem = engine.verify(spec);
                if (!problem.isEmpty()) {
                    problems.add(problem);
                }
            }
        }
        return new Verification(checked, problems);
    }

    /** Every abstract method of the interfaces made to exist, four at a time; failures reported, not thrown. */
    public static Preparation prepare(Engine engine, Class<?>... ifaces) {
        List<MethodKey> keys = new ArrayList<>();
        for (Class<?> iface : ifaces) {
            keys.addAll(engine.keysOf(iface));
        }
        List<String> generated = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        Map<String, String> failed = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, keys.size())));
        try {
            List<Future<?>> work = new ArrayList<>();
            keys.forEach(key -> work.add(pool.submit(() -> engine.link(key))));
            for (int i = 0; i < keys.size(); i++) {
                MethodKey key = keys.get(i);
                try {
                    work.get(i).get();
                    (engine.entry(key).orElseThrow().fromModel() ? generated : stored).add(key.display());
                } catch (ExecutionException e) {
                    failed.put(key.display(), String.valueOf(e.getCause().getMessage()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new JitException("Interrupted while preparing " + key.display(), e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Preparation(generated, stored, failed);
    }

    /**
     * The key of an interface's method by its name or signature.
     *
     * @param compiledIn whether the interface has a class compiled in at build time: its methods have
     *                   keys (and a store to read) though the engine bound none
     */
    public static MethodKey key(Engine engine, Class<?> iface, String method, boolean compiledIn) {
        List<MethodKey> keys = engine.boundKeys(iface);
        if (keys == null && compiledIn) {
            Owner.Interface owner = Owner.Interface.of(iface);
            keys = InterfaceMethods.toGenerate(iface).stream().map(m -> Specs.key(owner, m)).toList();
        }
        if (keys == null) {
            throw new JitException(iface.getName() + " has no generated methods here: implement it with this Jit "
                    + "(jit.implement(" + iface.getSimpleName() + ".class)) and call a method first");
        }
        return MethodQueries.resolve(keys, method, iface.getSimpleName());
    }
}
