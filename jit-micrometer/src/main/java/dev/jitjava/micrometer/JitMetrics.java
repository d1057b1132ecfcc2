package dev.jitjava.micrometer;

import dev.jitjava.spi.JitListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * jit-java's figures as Micrometer meters: give it to {@code Jit.builder().listener(...)} and bind it to
 * the registry your application exports (Spring Boot and Quarkus bind a {@link MeterBinder} bean on
 * their own).
 *
 * <pre>{@code
 * JitMetrics metrics = JitMetrics.of(registry);
 * Jit jit = Jit.builder().listener(metrics).build();
 * }</pre>
 *
 * <table>
 * <caption>The meters</caption>
 * <tr><th>meter</th><th>kind</th><th>tags</th><th>what it counts</th></tr>
 * <tr><td>{@code jit.generations}</td><td>timer</td><td>{@code model}, {@code outcome}</td><td>generations and
 * how long they took; outcome {@code bound}, {@code checks_failed}, {@code verifier_refused},
 * {@code reviewer_rejected} or {@code failed}</td></tr>
 * <tr><td>{@code jit.generation.attempts}</td><td>counter</td><td>{@code model}</td><td>answers asked for,
 * repairs included</td></tr>
 * <tr><td>{@code jit.generation.tool.calls}</td><td>counter</td><td>{@code model}</td><td>tool calls the model
 * made</td></tr>
 * <tr><td>{@code jit.tokens}</td><td>counter</td><td>{@code model}, {@code type} ({@code input},
 * {@code output})</td><td>tokens, as the model reported them</td></tr>
 * <tr><td>{@code jit.cost}</td><td>counter</td><td>{@code model}</td><td>cost at the configured prices (only
 * models with a price)</td></tr>
 * <tr><td>{@code jit.methods.loaded}</td><td>timer</td><td>{@code source} ({@code snapshot}, {@code cache},
 * {@code compiled})</td><td>stored methods loaded and how long each took</td></tr>
 * <tr><td>{@code jit.verifier.refusals}</td><td>counter</td><td>{@code grant} (what would allow it, or
 * {@code none})</td><td>members the verifier refused</td></tr>
 * <tr><td>{@code jit.budget.exceeded}</td><td>counter</td><td>{@code kind} ({@code cpu}, {@code wall},
 * {@code memory}, {@code stack}, {@code heap}, {@code refused})</td><td>calls stopped by a budget</td></tr>
 * </table>
 *
 * <p>Methods are not a tag: a metric per method is a time series per method, which registries charge
 * for; the JFR events and the transcripts name the method. Thread-safe.
 */
public final class JitMetrics implements JitListener, MeterBinder {
    private final Tags common;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    /**
     * Meters without extra tags; nothing is recorded until {@link #bindTo} is called.
     */
    public JitMetrics() {
        this(Tags.empty());
    }

    /**
     * Meters with tags of your own on each (say, the application's name).
     *
     * @param tags added to every meter
     */
    public JitMetrics(Iterable<Tag> tags) {
        this.common = Tags.of(Objects.requireNonNull(tags, "tags"));
    }

    /**
     * Meters bound to {@code registry} at once.
     *
     * @param registry where the meters go
     * @return the listener to give to {@code Jit.builder().listener(...)}
     */
    public static JitMetrics of(MeterRegistry registry) {
        JitMetrics metrics = new JitMetrics();
        metrics.bindTo(registry);
        return metrics;
    }

    /**
     * Records into {@code registry} from now on (as well as into any registry bound before).
     *
     * @param registry where the meters go
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * Counts the generation, its time, attempts, tool calls, tokens and cost.
     *
     * @param generation what it came to, and what it took
     */
    @Override
    public void generated(Generation generation) {
        Tags model = common.and("model", generation.model());
        for (MeterRegistry registry : registries) {
            Timer.builder("jit.generations").description("Generations of methods by a model, by outcome")
                    .tags(model.and("outcome", text(generation.outcome()))).register(registry)
                    .record(generation.duration());
            Counter.builder("jit.generation.attempts").description("Answers asked of the model, repairs included")
                    .tags(model).register(registry).increment(generation.attempts());
            Counter.builder("jit.generation.tool.calls").description("Tool calls the model made while writing")
                    .tags(model).register(registry).increment(generation.toolCalls());
            Counter.builder("jit.tokens").description("Tokens, as the model reported them").baseUnit("tokens")
                    .tags(model.and("type", "input")).register(registry).increment(generation.inputTokens());
            Counter.builder("jit.tokens").description("Tokens, as the model reported them").baseUnit("tokens")
                    .tags(model.and("type", "output")).register(registry).increment(generation.outputTokens());
            if (generation.cost().isPresent()) {
                Counter.builder("jit.cost").description("Cost of model requests at the configured prices")
                        .tags(model).register(registry).increment(generation.cost().getAsDouble());
            }
        }
    }

    /**
     * Counts the load and its time, by where it came from.
     *
     * @param load where it came from and how long it took
     */
    @Override
    public void loaded(Load load) {
        for (MeterRegistry registry : registries) {
            Timer.builder("jit.methods.loaded").description("Stored methods loaded without the model")
                    .tags(common.and("source", text(load.source()))).register(registry).record(load.duration());
        }
    }

    /**
     * Counts the refusal, by what would allow it.
     *
     * @param refusal what was refused
     */
    @Override
    public void refused(Refusal refusal) {
        for (MeterRegistry registry : registries) {
            Counter.builder("jit.verifier.refusals").description("Members the bytecode verifier refused")
                    .tags(common.and("grant", refusal.grant().isEmpty() ? "none" : refusal.grant()))
                    .register(registry).increment();
        }
    }

    /**
     * Counts the trip, by kind of budget.
     *
     * @param trip which budget
     */
    @Override
    public void budgetExceeded(BudgetTrip trip) {
        for (MeterRegistry registry : registries) {
            Counter.builder("jit.budget.exceeded").description("Calls of generated code stopped by a budget")
                    .tags(common.and("kind", trip.kind())).register(registry).increment();
        }
    }

    private static String text(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
