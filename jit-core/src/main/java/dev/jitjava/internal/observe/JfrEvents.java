package dev.jitjava.internal.observe;

import dev.jitjava.spi.JitListener;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

import java.util.Locale;

/**
 * jit-java's JFR events, enabled by default, in the category "jit-java": see them in JDK Mission
 * Control or with {@code jfr print --events dev.jitjava.Generation recording.jfr}. Used only while
 * {@link Jfr#recording()}: this class and the events load with the first recording.
 */
final class JfrEvents {
    private JfrEvents() {
    }

    @Name("dev.jitjava.Generation")
    @Label("Method Generation")
    @Category("jit-java")
    @Description("A model wrote (or failed to write) a version of a generated method")
    @StackTrace(false)
    static final class GenerationEvent extends Event {
        @Label("Method")
        String method;
        @Label("Model")
        String model;
        @Label("Outcome")
        @Description("bound, checks_failed, verifier_refused, reviewer_rejected or failed")
        String outcome;
        @Label("Version")
        @Description("The version recorded in the store, 0 when none")
        int version;
        @Label("Attempts")
        @Description("Model answers asked for: the first, then repairs")
        int attempts;
        @Label("Tool Calls")
        int toolCalls;
        @Label("Input Tokens")
        long inputTokens;
        @Label("Output Tokens")
        long outputTokens;
    }

    @Name("dev.jitjava.MethodLoaded")
    @Label("Method Loaded")
    @Category("jit-java")
    @Description("A stored generated method was loaded without the model")
    @StackTrace(false)
    static final class MethodLoadedEvent extends Event {
        @Label("Method")
        String method;
        @Label("Source")
        @Description("snapshot (files unchanged, not read), cache (classes from .cache) or compiled")
        String source;
    }

    @Name("dev.jitjava.VerificationRefused")
    @Label("Verification Refused")
    @Category("jit-java")
    @Description("The bytecode verifier refused a member that generated code uses")
    @StackTrace(false)
    static final class VerificationRefusedEvent extends Event {
        @Label("Method")
        String method;
        @Label("Member")
        String member;
        @Label("Line")
        int line;
        @Label("Grant")
        @Description("What would allow it, empty when nothing would")
        String grant;
    }

    @Name("dev.jitjava.BudgetExceeded")
    @Label("Budget Exceeded")
    @Category("jit-java")
    @Description("A call of generated code ran past its budget")
    @StackTrace(false)
    static final class BudgetExceededEvent extends Event {
        @Label("Method")
        String method;
        @Label("Kind")
        @Description("cpu, wall, memory, stack, heap or refused")
        String kind;
        @Label("Limit")
        String limit;
    }

    /** A begun event, so that its duration is the work's. */
    static Object beginGeneration() {
        GenerationEvent event = new GenerationEvent();
        event.begin();
        return event;
    }

    static Object beginLoad() {
        MethodLoadedEvent event = new MethodLoadedEvent();
        event.begin();
        return event;
    }

    static void generation(Object begun, JitListener.Generation figures) {
        GenerationEvent event = begun instanceof GenerationEvent given ? given : new GenerationEvent();
        if (event.shouldCommit()) {
            event.method = figures.method();
            event.model = figures.model();
            event.outcome = text(figures.outcome());
            event.version = figures.version();
            event.attempts = figures.attempts();
            event.toolCalls = figures.toolCalls();
            event.inputTokens = figures.inputTokens();
            event.outputTokens = figures.outputTokens();
            event.commit();
        }
    }

    static void loaded(Object begun, String method, JitListener.Source source) {
        MethodLoadedEvent event = begun instanceof MethodLoadedEvent given ? given : new MethodLoadedEvent();
        if (event.shouldCommit()) {
            event.method = method;
            event.source = text(source);
            event.commit();
        }
    }

    static void refused(String method, String member, int line, String grant) {
        VerificationRefusedEvent event = new VerificationRefusedEvent();
        if (event.shouldCommit()) {
            event.method = method;
            event.member = member;
            event.line = line;
            event.grant = grant;
            event.commit();
        }
    }

    static void budgetExceeded(String method, String kind, String limit) {
        BudgetExceededEvent event = new BudgetExceededEvent();
        if (event.shouldCommit()) {
            event.method = method;
            event.kind = kind;
            event.limit = limit;
            event.commit();
        }
    }

    static String text(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
