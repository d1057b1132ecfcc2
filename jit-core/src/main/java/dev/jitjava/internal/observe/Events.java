package dev.jitjava.internal.observe;

import dev.jitjava.internal.method.MethodKey;
import dev.jitjava.internal.verify.Violation;
import dev.jitjava.spi.JitListener;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The notifications of one engine, in one place: JFR events, the {@link JitListener}s given to the
 * builder (jit-micrometer among them) and the transcripts' figures all come from here, so they agree.
 *
 * <p>Cheap when nobody listens: with no listener and no JFR recording, a notification costs a flag
 * read, and start-up loads no JFR event class (see {@link Jfr}).
 */
public final class Events {
    /** Engines with listeners, for budget trips, which the runtime reports by method name alone; made on first need. */
    private static final class Listening {
        static final Set<Events> ENGINES = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    }

    /** Whether any engine ever had a listener: until then a budget trip need not look for one. */
    private static volatile boolean anyListening;

    private final List<JitListener> listeners;
    /** The methods this engine loaded or wrote, kept only when someone listens: whose budget trips are its. */
    private final Set<String> methods;

    public Events(List<JitListener> listeners) {
        this.listeners = List.copyOf(listeners);
        this.methods = this.listeners.isEmpty() ? Set.of() : ConcurrentHashMap.newKeySet();
        if (!this.listeners.isEmpty()) {
            Listening.ENGINES.add(this);
            anyListening = true;
        }
    }

    /** Events that tell nobody but JFR. */
    public static Events jfrOnly() {
        return new Events(List.of());
    }

    /** Before loading a stored method: a begun JFR event when JFR records, else null. */
    public Object loadStarting() {
        return Jfr.recording() ? JfrEvents.beginLoad() : null;
    }

    /**
     * A stored method loaded.
     *
     * @param startNanos {@link System#nanoTime()} when the load began
     * @param begun      what {@link #loadStarting()} gave
     */
    public void loaded(MethodKey key, JitListener.Source source, long startNanos, Object begun) {
        if (begun != null || Jfr.recording()) {
            JfrEvents.loaded(begun, key.display(), source);
        }
        if (!listeners.isEmpty()) {
            String method = key.display();
            methods.add(method);
            JitListener.Load load = new JitListener.Load(method, source, Duration.ofNanos(System.nanoTime() - startNanos));
            tell(listener -> listener.loaded(load));
        }
    }

    /** The verifier's refusals of one method's code, each a notification. */
    public void refused(String method, List<Violation> violations) {
        boolean jfr = Jfr.recording();
        if (!jfr && listeners.isEmpty()) {
            return;
        }
        for (Violation violation : violations) {
            String grant = violation.capability() == null ? "" : "@Allow(Capability." + violation.capability() + ")";
            if (jfr) {
                JfrEvents.refused(method, violation.member(), violation.line(), grant);
            }
            JitListener.Refusal refusal = new JitListener.Refusal(method, violation.member(), violation.line(), grant);
            tell(listener -> listener.refused(refusal));
        }
    }

    /** Starts watching a generation of {@code method}: its conversation, figures and JFR event. */
    public Conversation conversation(String method, Observing observing) {
        return new Conversation(method, observing, Jfr.recording() ? JfrEvents.beginGeneration() : null);
    }

    /** A generation ended. */
    public void generated(Conversation conversation, JitListener.Generation figures) {
        Object begun = conversation.jfrEvent();
        if (begun != null || Jfr.recording()) {
            JfrEvents.generation(begun, figures);
        }
        if (!listeners.isEmpty()) {
            methods.add(figures.method());
            tell(listener -> listener.generated(figures));
        }
    }

    /**
     * A call of generated code ran past a budget: told to JFR and to the listeners of every engine
     * that loaded or wrote the method. Called by the runtime's meter, only when a budget trips.
     */
    public static void budgetExceeded(String method, String kind, String limit) {
        if (Jfr.recording()) {
            JfrEvents.budgetExceeded(method, kind, limit);
        }
        if (!anyListening) {
            return;
        }
        JitListener.BudgetTrip trip = new JitListener.BudgetTrip(method, kind, limit);
        Events[] engines;
        synchronized (Listening.ENGINES) {
            engines = Listening.ENGINES.toArray(new Events[0]);
        }
        for (Events events : engines) {
            if (events.methods.contains(method)) {
                events.tell(listener -> listener.budgetExceeded(trip));
            }
        }
    }

    private void tell(Consumer<JitListener> call) {
        for (JitListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger("dev.jitjava.Jit").warn("A JitListener failed; jit-java goes on: {}", e.toString(), e);
            }
        }
    }
}
