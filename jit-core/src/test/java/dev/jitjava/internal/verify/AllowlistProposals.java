package dev.jitjava.internal.verify;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;

/**
 * The rule {@link AllowlistGenerator} proposes for a member it finds without one: what a reviewer
 * would most likely decide, from the member's class, name and types. A proposal is only a first
 * draft (the generator marks it {@code # review:}); the files are the decision.
 */
final class AllowlistProposals {
    private static final String BLOCKS = "blocks the thread, where no CPU budget sees it: compute the result in the calling thread";
    private static final String JVM_WIDE = "changes the whole JVM, for every caller: not allowed";
    private static final String REFLECTION = "reflection is not allowed: use the types, methods and fields directly";
    private static final String PROPERTY = "reads a system property";
    private static final String THREADS = "runs on other threads: compute in the calling thread";
    private static final Set<String> FILE_TYPES = Set.of("java.io.File", "java.nio.file.Path", "java.io.FileDescriptor",
            "java.io.RandomAccessFile", "java.nio.file.FileSystem");
    private static final Set<String> THREAD_TYPES = Set.of("java.util.concurrent.Executor", "java.util.concurrent.ExecutorService",
            "java.util.concurrent.ForkJoinPool", "java.util.concurrent.ThreadFactory", "java.lang.Thread",
            "java.util.concurrent.ScheduledExecutorService");
    private static final Set<String> BLOCKING = Set.of("sleep", "join", "wait", "park", "parkNanos", "parkUntil", "take",
            "takeFirst", "takeLast", "put", "putFirst", "putLast", "await", "awaitAdvance", "awaitAdvanceInterruptibly",
            "arriveAndAwaitAdvance", "acquire", "acquireUninterruptibly", "exchange", "awaitTermination", "invokeAll",
            "invokeAny", "get", "timedJoin", "timedWait", "lock", "lockInterruptibly", "awaitUninterruptibly", "awaitNanos",
            "awaitUntil", "onSpinWait", "quietlyJoin", "awaitQuiescence", "quietlyInvoke", "invoke", "managedBlock",
            "helpQuiesce", "waitFor", "quietlyJoinUninterruptibly", "invokeAllUninterruptibly", "tryAcquire", "tryLock", "poll", "offer", "close", "resultNow", "exceptionNow");
    private static final Set<String> BLOCKING_OWNERS = Set.of("java.lang.Thread",
            "java.util.concurrent.TimeUnit", "java.util.concurrent.locks.LockSupport", "java.util.concurrent.Future",
            "java.util.concurrent.CompletableFuture", "java.util.concurrent.FutureTask", "java.util.concurrent.ForkJoinTask",
            "java.util.concurrent.CountDownLatch", "java.util.concurrent.CyclicBarrier", "java.util.concurrent.Semaphore",
            "java.util.concurrent.Phaser", "java.util.concurrent.Exchanger", "java.util.concurrent.BlockingQueue",
            "java.util.concurrent.BlockingDeque", "java.util.concurrent.LinkedBlockingQueue",
            "java.util.concurrent.LinkedBlockingDeque", "java.util.concurrent.ArrayBlockingQueue",
            "java.util.concurrent.PriorityBlockingQueue", "java.util.concurrent.DelayQueue",
            "java.util.concurrent.SynchronousQueue", "java.util.concurrent.LinkedTransferQueue",
            "java.util.concurrent.TransferQueue", "java.util.concurrent.ExecutorService",
            "java.util.concurrent.AbstractExecutorService", "java.util.concurrent.ThreadPoolExecutor",
            "java.util.concurrent.ScheduledThreadPoolExecutor", "java.util.concurrent.ForkJoinPool",
            "java.util.concurrent.CompletionService", "java.util.concurrent.ExecutorCompletionService",
            "java.util.concurrent.RecursiveTask", "java.util.concurrent.RecursiveAction",
            "java.util.concurrent.CountedCompleter", "java.util.concurrent.locks.Lock",
            "java.util.concurrent.locks.ReentrantLock", "java.util.concurrent.locks.Condition",
            "java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock",
            "java.util.concurrent.locks.ReentrantReadWriteLock$WriteLock", "java.util.concurrent.locks.StampedLock",
            "java.util.concurrent.StructuredTaskScope");
    private static final Set<String> CLASS_ALLOWED = Set.of("getName", "getSimpleName", "getTypeName", "getCanonicalName",
            "isInstance", "cast", "isArray", "isPrimitive", "isEnum", "isRecord", "isInterface", "getComponentType",
            "componentType", "arrayType", "isAssignableFrom", "desiredAssertionStatus", "getEnumConstants", "toString",
            "hashCode", "equals", "isAnonymousClass", "isLocalClass", "isMemberClass", "descriptorString", "isSealed",
            "isHidden", "toGenericString");
    private static final Set<String> SYSTEM_ALLOWED = Set.of("arraycopy", "identityHashCode", "lineSeparator", "nanoTime",
            "currentTimeMillis");
    private static final Set<String> FILE_WRITES = Set.of("delete", "deleteOnExit", "renameTo", "mkdir", "mkdirs",
            "createNewFile", "createTempFile", "setReadable", "setWritable", "setExecutable", "setLastModified",
            "setReadOnly", "write", "writeString", "newBufferedWriter", "newOutputStream", "createFile",
            "createDirectory", "createDirectories", "createTempDirectory", "deleteIfExists", "copy", "move",
            "setAttribute", "setPosixFilePermissions", "setLastModifiedTime", "createLink", "createSymbolicLink",
            "setOwner", "newByteChannel");
    private static final Set<String> WRAPPERS = Set.of("java.io.PrintStream", "java.io.PrintWriter", "java.util.Formatter",
            "java.io.OutputStreamWriter", "java.io.BufferedOutputStream", "java.io.BufferedWriter",
            "java.io.FilterOutputStream", "java.io.DataOutputStream", "java.io.InputStreamReader",
            "java.io.BufferedInputStream", "java.io.DataInputStream", "java.io.FilterInputStream", "java.util.Scanner",
            "java.io.PushbackInputStream", "java.io.LineNumberReader", "java.io.BufferedReader",
            "java.io.SequenceInputStream");
    private static final Set<String> CAPACITY_OWNERS = Set.of("java.util.ArrayList", "java.util.HashMap",
            "java.util.HashSet", "java.util.LinkedHashMap", "java.util.LinkedHashSet", "java.util.ArrayDeque",
            "java.util.Vector", "java.util.Hashtable", "java.util.IdentityHashMap", "java.util.WeakHashMap",
            "java.util.PriorityQueue", "java.util.concurrent.ConcurrentHashMap", "java.util.BitSet",
            "java.util.StringJoiner", "java.util.concurrent.CopyOnWriteArrayList");

    private AllowlistProposals() {
    }

    /** What follows {@code class X} in a new section: the capability every member of the class needs. */
    static String classSuffix(Class<?> type) {
        String name = type.getName();
        if (name.startsWith("java.net.") && !Set.of("java.net.URI", "java.net.URISyntaxException", "java.net.URLEncoder",
                "java.net.URLDecoder").contains(name)) {
            return " [NETWORK]";
        }
        if (name.startsWith("java.util.concurrent.") && !name.startsWith("java.util.concurrent.atomic.")
                && !Set.of("ConcurrentHashMap", "ConcurrentHashMap$KeySetView", "ConcurrentMap", "ConcurrentNavigableMap",
                "ConcurrentLinkedQueue", "ConcurrentLinkedDeque", "ConcurrentSkipListMap", "ConcurrentSkipListSet",
                "CopyOnWriteArrayList", "CopyOnWriteArraySet", "ThreadLocalRandom", "TimeUnit", "CompletionException",
                "ExecutionException", "CancellationException", "TimeoutException")
                .contains(name.substring("java.util.concurrent.".length()))) {
            return " [THREADS]";
        }
        if (Set.of("java.lang.Thread", "java.util.Timer").contains(name)) {
            return " [THREADS]";
        }
        if (Set.of("java.io.FileReader", "java.io.FileInputStream", "java.io.FileNotFoundException", "java.io.File",
                "java.nio.file.Path", "java.nio.file.Paths", "java.nio.file.Files", "java.nio.file.NoSuchFileException").contains(name)) {
            return " [FILES_READ]";
        }
        if (Set.of("java.io.FileWriter", "java.io.FileOutputStream", "java.io.RandomAccessFile",
                "java.nio.file.StandardOpenOption").contains(name)) {
            return " [FILES_WRITE]";
        }
        return "";
    }

    /** A member's line, as written in its class's section. */
    static String propose(Class<?> type, Member member, String written) {
        String owner = type.getName();
        String name = member instanceof Constructor<?> ? "<init>" : member.getName();
        boolean isStatic = Modifier.isStatic(member.getModifiers());
        List<Class<?>> parameters = member instanceof Executable e ? List.of(e.getParameterTypes()) : List.of();
        Class<?> result = member instanceof Method m ? m.getReturnType() : member instanceof Field f ? f.getType() : type;

        if (owner.equals("java.lang.Class")) {
            return CLASS_ALLOWED.contains(name) ? written : "-" + written + " # " + REFLECTION;
        }
        if (owner.equals("java.lang.System")) {
            return switch (name) {
                case "out", "err" -> written + " [CONSOLE]";
                case "getProperty" -> written + " [ENVIRONMENT] # " + PROPERTY;
                case "exit" -> "-" + written + " # ends the JVM: return a value or throw an exception instead";
                case "in", "console" -> "-" + written + " # reads the console: take the input as a parameter instead";
                case "getenv" -> "-" + written + " # environment variables are not for generated code: take the value as a parameter";
                default -> SYSTEM_ALLOWED.contains(name) ? written : "-" + written + " # " + JVM_WIDE;
            };
        }
        if (Set.of("getInteger", "getLong", "getBoolean").contains(name) && isStatic
                && Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Boolean").contains(owner)) {
            return written + " [ENVIRONMENT] # " + PROPERTY;
        }
        if (isStatic && (name.equals("getDefault") && Set.of("java.util.Locale", "java.util.TimeZone").contains(owner)
                || name.equals("systemDefault") || name.equals("defaultCharset") || name.equals("systemDefaultZone"))) {
            return written + " [ENVIRONMENT] # reads the JVM's default settings";
        }
        if (isStatic && name.startsWith("set") && result == void.class && parameters.stream().noneMatch(Class::isArray)) {
            return "-" + written + " # " + JVM_WIDE;
        }
        if (name.equals("finalize") || name.equals("notify") || name.equals("notifyAll")) {
            return "-" + written + " # thread coordination and finalizers are not allowed";
        }
        if (name.equals("wait")) {
            return "-" + written + " # " + BLOCKS;
        }
        if (BLOCKING.contains(name) && blockingOwner(type) && !(name.equals("get") && !futureLike(type))
                && !(Set.of("poll", "offer").contains(name) && parameters.size() < 2)
                && !(name.equals("close") && !futureLike(type)) && !(name.equals("join") && owner.equals("java.lang.String"))
                && !(Set.of("tryAcquire", "tryLock").contains(name) && parameters.size() < 2)
                && !(name.equals("invoke") && !owner.contains("ForkJoin"))) {
            return "-" + written + " # " + BLOCKS;
        }
        if (name.startsWith("parallel") || name.endsWith("Async") || name.equals("commonPool")
                || parameters.stream().anyMatch(p -> THREAD_TYPES.contains(p.getName()))
                || owner.equals("java.util.concurrent.ConcurrentHashMap") && !parameters.isEmpty()
                && parameters.get(0) == long.class && (name.startsWith("forEach") || name.startsWith("reduce")
                || name.startsWith("search"))) {
            return written + " [THREADS] # " + THREADS;
        }
        if (owner.equals("java.lang.Thread")) {
            return switch (name) {
                case "getContextClassLoader", "setContextClassLoader" -> "-" + written + " # class loaders can load code: not allowed";
                case "getAllStackTraces", "getStackTrace", "dumpStack", "stop", "suspend", "resume", "countStackFrames",
                     "checkAccess", "getThreadGroup", "enumerate", "activeCount", "holdsLock" ->
                        "-" + written + " # reaches other threads or their stacks: not allowed";
                default -> written + " [THREADS] # " + THREADS;
            };
        }
        if (name.equals("intern") && owner.equals("java.lang.String")) {
            return "-" + written + " # keeps the string in the JVM for good, outside any budget";
        }
        if (name.equals("printStackTrace") && parameters.isEmpty()) {
            return written + " [CONSOLE] # prints to System.err";
        }
        if (name.equals("setStackTrace")) {
            return "-" + written + " # rewrites where an error came from";
        }
        if (name.equals("newUpdater")) {
            return "-" + written + " # " + REFLECTION;
        }
        if (owner.equals("java.nio.ByteBuffer") && name.equals("allocateDirect")) {
            return "-" + written + " # off-heap memory, outside the memory budget: use ByteBuffer.allocate";
        }
        if (owner.equals("java.security.SecureRandom") && Set.of("getInstanceStrong", "generateSeed").contains(name)) {
            return "-" + written + " # may block while the system gathers entropy: use new SecureRandom()";
        }
        if (owner.startsWith("java.time.chrono.") && Set.of("of", "ofLocale", "getAvailableChronologies").contains(name) && isStatic) {
            return "-" + written + " # loads service providers by name: use IsoChronology.INSTANCE or a named chronology";
        }
        if (owner.equals("java.util.Scanner") && parameters.stream().anyMatch(p -> p == String.class
                || p == java.util.regex.Pattern.class) && !name.equals("<init>")) {
            return "-" + written + " # runs a regular expression jit-java cannot meter: use Pattern.compile(...).matcher(...)";
        }
        if (owner.equals("java.util.Properties") && (name.contains("XML"))) {
            return "-" + written + " # parses XML: not allowed";
        }
        boolean fileParameter = parameters.stream().anyMatch(p -> FILE_TYPES.contains(p.getName()))
                || FILE_TYPES.contains(result.getName()) && !(member instanceof Constructor<?>);
        boolean writerOnName = name.equals("<init>") && !parameters.isEmpty()
                && Set.of("java.util.Formatter", "java.io.PrintStream", "java.io.PrintWriter").contains(owner)
                && (parameters.get(0) == String.class || FILE_TYPES.contains(parameters.get(0).getName()));
        if (writerOnName) {
            return written + " [FILES_WRITE] # opens the named file for writing";
        }
        if (Set.of("java.io.File", "java.nio.file.Files").contains(owner) && FILE_WRITES.contains(name)) {
            return written + " [FILES_WRITE] # changes files";
        }
        if (fileParameter) {
            return written + " [FILES_READ] # reads files";
        }
        if (WRAPPERS.contains(owner) && name.equals("<init>") && !parameters.isEmpty()
                && (java.io.OutputStream.class.isAssignableFrom(parameters.get(0))
                || java.io.InputStream.class.isAssignableFrom(parameters.get(0))
                || Appendable.class.isAssignableFrom(parameters.get(0)) || parameters.get(0) == java.io.Writer.class)) {
            return written + " @check=Guards.notSystemStream(0) # wrapping System.out, System.err or System.in could close them";
        }
        if (name.equals("close") && (java.io.Closeable.class.isAssignableFrom(type) || type == AutoCloseable.class
                || type == java.util.Formatter.class)) {
            return written + " @check=Guards.notSystemStream(0) # closing System.out, System.err or System.in is never allowed";
        }
        String guard = guard(type, name, parameters, isStatic);
        return guard == null ? written : written + " " + guard;
    }

    /** The guard that charges a member's cost from its arguments, for the members whose cost grows with them. */
    private static String guard(Class<?> type, String name, List<Class<?>> parameters, boolean isStatic) {
        String owner = type.getName();
        int first = isStatic || name.equals("<init>") ? 0 : 1; // operand index of the first argument
        if (name.equals("<init>") && CAPACITY_OWNERS.contains(owner) && !parameters.isEmpty() && parameters.get(0) == int.class) {
            return "@check=Guards.elements(0)";
        }
        if (name.equals("<init>") && !parameters.isEmpty() && (java.util.Collection.class.isAssignableFrom(parameters.get(0))
                || java.util.Map.class.isAssignableFrom(parameters.get(0))) && java.util.Collection.class.isAssignableFrom(type)
                || name.equals("<init>") && !parameters.isEmpty() && java.util.Map.class.isAssignableFrom(parameters.get(0))
                && java.util.Map.class.isAssignableFrom(type)) {
            return "@check=Guards.collection(0)";
        }
        if (Set.of("addAll", "putAll").contains(name) && (java.util.Collection.class.isAssignableFrom(type)
                || java.util.Map.class.isAssignableFrom(type)) && !isStatic) {
            return "@check=Guards.collection(" + (first + parameters.size() - 1) + ")";
        }
        boolean builder = owner.equals("java.lang.StringBuilder") || owner.equals("java.lang.StringBuffer");
        if (builder && (name.equals("<init>") && parameters.equals(List.of(int.class)) || name.equals("setLength")
                || name.equals("ensureCapacity"))) {
            return "@check=Guards.chars(" + first + ")";
        }
        if (builder && (name.equals("append") || name.equals("insert")) && !parameters.isEmpty()) {
            int index = name.equals("insert") ? 1 : 0;
            Class<?> appended = parameters.get(index);
            if (appended == CharSequence.class || appended == StringBuffer.class) {
                return "@check=Guards.charSequence(" + (first + index) + ")";
            }
        }
        if (builder && name.equals("repeat")) {
            return "@check=Guards.repeat(" + first + "," + (first + 1) + ")";
        }
        if (owner.equals("java.lang.String") && name.equals("repeat")) {
            return "@check=Guards.repeat(0,1)";
        }
        if (owner.equals("java.lang.String") && name.equals("join")) {
            return "@check=Guards.join(0,1)";
        }
        if (name.equals("format") || name.equals("formatted") || name.equals("printf")) {
            int index = parameters.indexOf(String.class);
            if (index >= 0) {
                return "@check=Guards.format(" + (first + index) + ")";
            }
            if (name.equals("formatted")) {
                return "@check=Guards.format(0)";
            }
        }
        if (isStatic && Set.of("newHashMap", "newHashSet", "newLinkedHashMap", "newLinkedHashSet", "newWeakHashMap")
                .contains(name)) {
            return "@check=Guards.elements(0)";
        }
        if (owner.equals("java.util.Collections") && name.equals("nCopies")) {
            return "@check=Guards.elements(0)";
        }
        if (owner.equals("java.util.Arrays") && name.equals("copyOf")) {
            return "@check=Guards.copyOf(0,1)";
        }
        if (owner.equals("java.util.Arrays") && name.equals("copyOfRange")) {
            return "@check=Guards.copyOfRange(0,1,2)";
        }
        if ((owner.equals("java.util.Arrays") || owner.equals("java.util.Collections")) && name.equals("sort")
                || owner.equals("java.util.List") && name.equals("sort")) {
            return "@check=Work.sort(0)";
        }
        if (owner.equals("java.util.BitSet") && Set.of("set", "flip", "clear").contains(name) && !parameters.isEmpty()) {
            return "@check=Guards.bits(" + (first + (parameters.size() >= 2 && parameters.get(1) == int.class ? 1 : 0)) + ")";
        }
        if (owner.equals("java.nio.ByteBuffer") && name.equals("allocate")) {
            return "@check=Guards.bytes(0)";
        }
        if (owner.startsWith("java.nio.") && owner.endsWith("Buffer") && name.equals("allocate")) {
            return "@check=Guards.elements(0)";
        }
        if (owner.equals("java.math.BigInteger")) {
            return switch (name) {
                case "pow" -> "@check=Guards.pow(0,1)";
                case "shiftLeft", "shiftRight" -> "@check=Guards.shift(0,1)";
                case "setBit", "flipBit", "clearBit" -> "@check=Guards.bits(1)";
                case "multiply" -> "@check=Guards.multiply(0,1)";
                case "modPow" -> "@check=Work.modPow(0,1,2)";
                case "probablePrime" -> "@check=Work.primeBits(0)";
                case "nextProbablePrime" -> "@check=Work.nextPrime(0)";
                case "isProbablePrime" -> "@check=Work.primeTest(0,1)";
                case "<init>" -> parameters.size() >= 2 && parameters.get(0) == int.class && parameters.get(1) != byte[].class
                        ? (parameters.size() == 3 ? "@check=Work.primeBits(0)" : "@check=Guards.bits(0)") : null;
                default -> null;
            };
        }
        if (owner.equals("java.math.BigDecimal")) {
            return switch (name) {
                case "pow" -> "@check=Work.decimalPow(0,1)";
                case "setScale" -> "@check=Work.decimalScale(0,1)";
                case "movePointLeft", "movePointRight", "scaleByPowerOfTen" -> "@check=Work.decimalMove(0,1)";
                case "toPlainString", "toBigInteger", "toBigIntegerExact", "intValue", "longValue", "intValueExact",
                     "longValueExact", "shortValueExact", "byteValueExact", "shortValue", "byteValue" ->
                        "@check=Work.decimalDigits(0)";
                case "add", "subtract", "divide", "remainder", "divideToIntegralValue", "divideAndRemainder", "compareTo" ->
                        "@check=Work.decimalAlign(0,1)";
                default -> null;
            };
        }
        if (owner.equals("java.util.regex.Pattern")) {
            return switch (name) {
                case "matcher", "split", "splitAsStream", "asPredicate", "asMatchPredicate", "splitWithDelimiters" ->
                        "@guard=Regex." + (name.equals("split") ? "patternSplit" : name);
                case "matches" -> "@guard=Regex.patternMatches";
                default -> null;
            };
        }
        if (owner.equals("java.util.regex.Matcher") && name.equals("reset") && parameters.size() == 1) {
            return "@guard=Regex.reset";
        }
        if (owner.equals("java.lang.String") && Set.of("matches", "replaceAll", "replaceFirst", "split",
                "splitWithDelimiters").contains(name)) {
            return "@guard=Regex." + name;
        }
        if (owner.startsWith("java.util.stream.") && (name.equals("iterate") || name.equals("generate")
                || name.equals("range") || name.equals("rangeClosed")) && isStatic) {
            return "@result=Streams.metered";
        }
        if (java.util.random.RandomGenerator.class.isAssignableFrom(type) && Set.of("ints", "longs", "doubles").contains(name)) {
            return "@result=Streams.metered";
        }
        return null;
    }

    private static boolean blockingOwner(Class<?> type) {
        for (String owner : BLOCKING_OWNERS) {
            try {
                if (Class.forName(owner, false, null).isAssignableFrom(type)) {
                    return true;
                }
            } catch (ClassNotFoundException e) {
                // a class of a newer JDK
            }
        }
        return false;
    }

    private static boolean futureLike(Class<?> type) {
        return java.util.concurrent.Future.class.isAssignableFrom(type)
                || java.util.concurrent.ExecutorService.class.isAssignableFrom(type)
                || type.getName().equals("java.util.concurrent.StructuredTaskScope");
    }
}
