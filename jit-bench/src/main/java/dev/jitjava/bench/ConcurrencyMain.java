package dev.jitjava.bench;

import dev.jitjava.Jit;
import dev.jitjava.test.ScriptedChatModel;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Many threads hitting missing methods at once: how many generations each method got (must be 1),
 * how long until all were bound, and the call throughput once they were.
 */
public final class ConcurrencyMain {
    public static void main(String[] args) throws Exception {
        System.out.println("| threads | methods | generations per method (min..max) | time to bind all | bound calls per second |");
        System.out.println("|---|---|---|---|---|");
        for (int threads : new int[]{2, 8, 64}) {
            for (int methods : new int[]{1, 100}) {
                run(threads, methods);
            }
        }
    }

    private static void run(int threads, int methods) throws Exception {
        ScriptedChatModel model = Answers.apis();
        Jit jit = Jit.builder().store(Files.createTempDirectory("jit-conc")).model(model).build();
        Object[] instances = new Object[Apis.INTERFACES.length];
        for (int i = 0; i < instances.length; i++) {
            instances[i] = jit.implement(Apis.INTERFACES[i]);
        }
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                await(start);
                Apis.callAll(instances, methods);
            });
            worker.start();
            workers.add(worker);
        }
        await(start);
        long begin = System.nanoTime();
        for (Thread worker : workers) {
            worker.join();
        }
        double bindMillis = (System.nanoTime() - begin) / 1e6;
        Map<String, Long> perMethod = model.requests().stream()
                .collect(Collectors.groupingBy(Answers::methodOf, Collectors.counting()));
        long min = perMethod.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long max = perMethod.values().stream().mapToLong(Long::longValue).max().orElse(0);
        if (perMethod.size() != methods) {
            throw new IllegalStateException(perMethod.size() + " methods generated, expected " + methods);
        }
        AtomicLong calls = new AtomicLong();
        long from = System.nanoTime() + 1_000_000_000L; // the first second warms the JIT compiler up
        long until = from + 1_000_000_000L;
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread caller = new Thread(() -> {
                long count = 0;
                long sink = 0;
                for (long now = System.nanoTime(); now < until; now = System.nanoTime()) {
                    for (int i = 0; i < 1000; i++) {
                        sink += Apis.callAll(instances, methods);
                    }
                    if (now >= from) {
                        count += 1000L * methods;
                    }
                }
                calls.addAndGet(count + (sink == 42 ? 1 : 0));
            });
            caller.start();
            callers.add(caller);
        }
        for (Thread caller : callers) {
            caller.join();
        }
        System.out.printf("| %d | %d | %d..%d | %.0f ms | %.2e |%n", threads, methods, min, max, bindMillis,
                (double) calls.get());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
