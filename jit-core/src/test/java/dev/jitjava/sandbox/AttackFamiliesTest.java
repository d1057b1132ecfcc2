package dev.jitjava.sandbox;

import dev.jitjava.Capability;
import org.junit.jupiter.params.provider.Arguments;

import java.util.stream.Stream;

import static dev.jitjava.sandbox.Sandbox.perCall;
import static dev.jitjava.sandbox.Sandbox.refused;
import static dev.jitjava.sandbox.Sandbox.stopped;

/**
 * Attacks, family by family, each stopped with no side effect (see {@link Sandbox}). Each family is
 * what one would try to break that family's defence, not only the members the issue names.
 */
class AttackFamiliesTest extends AttackFamilies {
    private static final Capability READ = Capability.FILES_READ;
    private static final Capability THREADS = Capability.THREADS;
    private static final Capability NETWORK = Capability.NETWORK;

    static Stream<Arguments> files() {
        return Stream.of(
                refused("Formatter on a file name", "try { new java.util.Formatter(input).close(); } catch (Exception e) { } return \"\";", "FILES_WRITE"),
                refused("PrintStream on a file name", "try { new java.io.PrintStream(input).close(); } catch (Exception e) { } return \"\";", "FILES_WRITE"),
                refused("PrintWriter on a file name", "try { new java.io.PrintWriter(input).close(); } catch (Exception e) { } return \"\";", "FILES_WRITE"),
                refused("FileWriter", "try { new java.io.FileWriter(input).close(); } catch (Exception e) { } return \"\";", "FILES_WRITE"),
                refused("FileOutputStream", "try { new java.io.FileOutputStream(input).close(); } catch (Exception e) { } return \"\";", "FILES_WRITE"),
                refused("RandomAccessFile", "try { new java.io.RandomAccessFile(input, \"rw\").close(); } catch (Exception e) { } return \"\";", "FILES_WRITE"),
                refused("Files.writeString", "try { java.nio.file.Files.writeString(java.nio.file.Path.of(input), \"x\"); } catch (Exception e) { } return \"\";", "FILES_WRITE"),
                refused("Files.writeString with FILES_READ", "try { java.nio.file.Files.writeString(java.nio.file.Path.of(input), \"x\"); } catch (Exception e) { } return \"\";", "FILES_WRITE", READ),
                refused("File.createNewFile with FILES_READ", "try { new java.io.File(input).createNewFile(); } catch (Exception e) { } return \"\";", "FILES_WRITE", READ),
                refused("File.delete with FILES_READ", "return String.valueOf(new java.io.File(input).delete());", "FILES_WRITE", READ),
                refused("File.renameTo with FILES_READ", "return String.valueOf(new java.io.File(input + \"x\").renameTo(new java.io.File(input)));", "FILES_WRITE", READ),
                refused("File.mkdirs with FILES_READ", "return String.valueOf(new java.io.File(input).mkdirs());", "FILES_WRITE", READ),
                refused("File.deleteOnExit with FILES_READ", "new java.io.File(input).deleteOnExit(); return \"\";", "FILES_WRITE", READ),
                refused("Path.toFile().delete() with FILES_READ", "return String.valueOf(java.nio.file.Path.of(input).toFile().delete());", "FILES_WRITE", READ),
                refused("Files.newBufferedWriter with FILES_READ", "try { java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of(input)).close(); } catch (Exception e) { } return \"\";", "FILES_WRITE", READ),
                refused("Files.readString without a grant", "try { return java.nio.file.Files.readString(java.nio.file.Path.of(input)); } catch (Exception e) { return \"\"; }", "FILES_READ"),
                refused("Scanner on a Path", "try { return new java.util.Scanner(java.nio.file.Path.of(input)).next(); } catch (Exception e) { return \"\"; }", "FILES_READ"),
                refused("Formatter on a File", "try { new java.util.Formatter(new java.io.File(input)).close(); } catch (Exception e) { } return \"\";", "FILES_"));
    }

    static Stream<Arguments> network() {
        return Stream.of(
                refused("Socket", "try { new java.net.Socket(\"127.0.0.1\", 9).close(); } catch (Exception e) { } return \"\";", "NETWORK"),
                refused("URL.openStream", "try { new java.net.URL(\"http://127.0.0.1:9/\").openStream(); } catch (Exception e) { } return \"\";", "NETWORK"),
                refused("URL.hashCode resolves the host", "try { return String.valueOf(new java.net.URL(\"http://example.invalid/\").hashCode()); } catch (Exception e) { return \"\"; }", "NETWORK"),
                refused("InetAddress.getByName", "try { return java.net.InetAddress.getByName(\"localhost\").toString(); } catch (Exception e) { return \"\"; }", "NETWORK"),
                refused("ServerSocket", "try { new java.net.ServerSocket(0).close(); } catch (Exception e) { } return \"\";", "NETWORK"),
                refused("DatagramSocket", "try { new java.net.DatagramSocket().close(); } catch (Exception e) { } return \"\";", "NETWORK"),
                refused("HttpClient", "return java.net.http.HttpClient.newHttpClient().toString();", "NETWORK"),
                refused("URI.toURL().openConnection", "try { return java.net.URI.create(\"http://127.0.0.1:9/\").toURL().openConnection().toString(); } catch (Exception e) { return \"\"; }", "NETWORK"),
                refused("a JVM-wide default with NETWORK granted", "java.net.HttpURLConnection.setFollowRedirects(false); return \"\";", "setFollowRedirects", NETWORK),
                refused("ProxySelector.setDefault with NETWORK granted", "java.net.ProxySelector.setDefault(null); return \"\";", "setDefault", NETWORK));
    }

    static Stream<Arguments> processes() {
        return Stream.of(
                refused("ProcessBuilder", "try { new ProcessBuilder(\"touch\", input).start(); } catch (Exception e) { } return \"\";", "java.lang.ProcessBuilder"),
                refused("Runtime.exec", "try { Runtime.getRuntime().exec(new String[] {\"touch\", input}); } catch (Exception e) { } return \"\";", "java.lang.Runtime"),
                refused("ProcessHandle.current", "return String.valueOf(ProcessHandle.current().pid());", "java.lang.ProcessHandle"),
                refused("Runtime.halt", "Runtime.getRuntime().halt(1); return \"\";", "java.lang.Runtime"),
                refused("System.exit", "System.exit(1); return \"\";", "java.lang.System.exit(int)"),
                refused("a shutdown hook", "Runtime.getRuntime().addShutdownHook(new Thread(() -> { })); return \"\";", "java.lang.Runtime"),
                refused("ProcessBuilder through a method reference", "java.util.function.Function<String[], ProcessBuilder> f = ProcessBuilder::new; f.apply(new String[] {\"touch\", input}); return \"\";", "java.lang.ProcessBuilder"));
    }

    static Stream<Arguments> threads() {
        return Stream.of(
                refused("new Thread", "new Thread(() -> { }).start(); return \"\";", "THREADS"),
                refused("IntStream.parallel", "return String.valueOf(java.util.stream.IntStream.range(0, 100).parallel().sum());", "THREADS"),
                refused("LongStream.parallel", "return String.valueOf(java.util.stream.LongStream.range(0, 100).parallel().sum());", "THREADS"),
                refused("Stream.parallel", "return String.valueOf(java.util.stream.Stream.of(1, 2).parallel().count());", "THREADS"),
                refused("parallelStream", "return String.valueOf(java.util.List.of(1, 2).parallelStream().count());", "THREADS"),
                refused("Arrays.parallelSort", "int[] a = {3, 1, 2}; java.util.Arrays.parallelSort(a); return \"\" + a[0];", "THREADS"),
                refused("Arrays.parallelSetAll", "int[] a = new int[3]; java.util.Arrays.parallelSetAll(a, i -> i); return \"\";", "THREADS"),
                refused("Arrays.parallelPrefix", "int[] a = {1, 2}; java.util.Arrays.parallelPrefix(a, Integer::sum); return \"\";", "THREADS"),
                refused("CompletableFuture.supplyAsync", "return String.valueOf(java.util.concurrent.CompletableFuture.supplyAsync(() -> 1));", "THREADS"),
                refused("runAsync", "java.util.concurrent.CompletableFuture.runAsync(() -> { }); return \"\";", "THREADS"),
                refused("the common pool", "java.util.concurrent.ForkJoinPool.commonPool().execute(() -> { }); return \"\";", "THREADS"),
                refused("an executor", "java.util.concurrent.Executors.newSingleThreadExecutor().shutdown(); return \"\";", "THREADS"),
                refused("a Timer", "new java.util.Timer().cancel(); return \"\";", "THREADS"),
                refused("ConcurrentHashMap.forEach with a parallelism threshold", "java.util.concurrent.ConcurrentHashMap<String, String> m = new java.util.concurrent.ConcurrentHashMap<>(); m.put(\"a\", \"b\"); m.forEach(1, (k, v) -> { }); return \"\";", "THREADS"),
                refused("parallelStream through a local ArrayList subclass", "class Mine extends java.util.ArrayList<String> { long n() { return parallelStream().count(); } } return String.valueOf(new Mine().n());", "THREADS"),
                refused("a local Thread subclass", "class Worker extends Thread { } new Worker().start(); return \"\";", "java.lang.Thread"),
                refused("a TimerTask", "java.util.TimerTask t = new java.util.TimerTask() { public void run() { } }; return String.valueOf(t);", "java.util.TimerTask"));
    }

    static Stream<Arguments> blocking() {
        return Stream.of(
                refused("Thread.sleep", "try { Thread.sleep(100_000); } catch (InterruptedException e) { } return \"\";", "java.lang.Thread.sleep(long)"),
                refused("TimeUnit.DAYS.sleep", "try { java.util.concurrent.TimeUnit.DAYS.sleep(365); } catch (InterruptedException e) { } return \"\";", "sleep"),
                refused("TimeUnit.sleep with THREADS", "try { java.util.concurrent.TimeUnit.SECONDS.sleep(100); } catch (InterruptedException e) { } return \"\";", "sleep", THREADS),
                refused("Thread.sleep with THREADS", "try { Thread.sleep(100_000); } catch (InterruptedException e) { } return \"\";", "sleep", THREADS),
                refused("Object.wait", "Object o = new Object(); try { o.wait(); } catch (InterruptedException e) { } return \"\";", "wait"),
                refused("a latch with THREADS", "try { new java.util.concurrent.CountDownLatch(1).await(); } catch (InterruptedException e) { } return \"\";", "await", THREADS),
                refused("a semaphore with THREADS", "try { new java.util.concurrent.Semaphore(0).acquire(); } catch (InterruptedException e) { } return \"\";", "acquire", THREADS),
                refused("a queue take with THREADS", "try { return new java.util.concurrent.LinkedBlockingQueue<String>().take(); } catch (InterruptedException e) { return \"\"; }", "take", THREADS),
                refused("a future join with THREADS", "return new java.util.concurrent.CompletableFuture<String>().join();", "join", THREADS),
                refused("a future get with THREADS", "try { return new java.util.concurrent.CompletableFuture<String>().get(); } catch (Exception e) { return \"\"; }", "get", THREADS),
                refused("joining the own thread with THREADS", "try { Thread.currentThread().join(); } catch (InterruptedException e) { } return \"\";", "join", THREADS),
                refused("System.in", "try { return String.valueOf(System.in.read()); } catch (Exception e) { return \"\"; }", "java.lang.System.in"),
                refused("a Scanner on System.in", "return new java.util.Scanner(System.in).nextLine();", "java.lang.System.in"),
                refused("a pipe read", "try { return String.valueOf(new java.io.PipedInputStream().read()); } catch (Exception e) { return \"\"; }", "java.io.PipedInputStream"),
                refused("LockSupport.park", "java.util.concurrent.locks.LockSupport.park(); return \"\";", "LockSupport"),
                refused("a lock with THREADS", "new java.util.concurrent.locks.ReentrantLock().lock(); return \"\";", "ReentrantLock", THREADS),
                refused("sleep inside a local class", "class Nap { void nap() throws InterruptedException { java.util.concurrent.TimeUnit.MILLISECONDS.sleep(100_000); } } try { new Nap().nap(); } catch (InterruptedException e) { } return \"\";", "sleep"),
                refused("a synchronized block", "synchronized (String.class) { return input; }", "synchronized"));
    }

    static Stream<Arguments> cpuInsideJdkCalls() {
        return Stream.of(
                stopped("LongStream.rangeClosed to Long.MAX_VALUE, summed", "return String.valueOf(java.util.stream.LongStream.rangeClosed(1, Long.MAX_VALUE).sum());"),
                stopped("IntStream.range mapped by a JDK method reference", "return String.valueOf(java.util.stream.IntStream.range(0, Integer.MAX_VALUE).map(Math::abs).asLongStream().sum() + java.util.stream.IntStream.range(0, Integer.MAX_VALUE).map(Math::abs).asLongStream().sum());"),
                stopped("Stream.iterate with UnaryOperator.identity", "return String.valueOf(java.util.stream.Stream.iterate(1, java.util.function.UnaryOperator.identity()).count());"),
                stopped("LongStream.iterate with a JDK method reference", "return String.valueOf(java.util.stream.LongStream.iterate(0, Math::incrementExact).max());"),
                stopped("Stream.generate of Object::new", "return String.valueOf(java.util.stream.Stream.generate(Object::new).count());"),
                stopped("Random.ints() summed", "return String.valueOf(new java.util.Random(1).ints().sum());"),
                stopped("BigInteger.modPow with a huge exponent", "java.math.BigInteger m = java.math.BigInteger.TEN.pow(20_000).add(java.math.BigInteger.ONE); return java.math.BigInteger.valueOf(3).modPow(java.math.BigInteger.ONE.shiftLeft(1_000_000), m).toString();"),
                stopped("BigInteger.probablePrime of a million bits", "return java.math.BigInteger.probablePrime(1_000_000, new java.util.Random(1)).toString();"),
                stopped("a backtracking regex through asPredicate", "return String.valueOf(java.util.regex.Pattern.compile(\"(a*)*\\\\1b\").asPredicate().test(\"a\".repeat(40)));"),
                stopped("a backtracking regex through asMatchPredicate", "return String.valueOf(java.util.regex.Pattern.compile(\"(a*)*\\\\1b\").asMatchPredicate().test(\"a\".repeat(40)));"),
                stopped("a backtracking regex through splitAsStream", "return String.valueOf(java.util.regex.Pattern.compile(\"(a*)*\\\\1b\").splitAsStream(\"a\".repeat(40)).count());"),
                stopped("a backtracking regex through Pattern.split", "return String.valueOf(java.util.regex.Pattern.compile(\"(a*)*\\\\1b\").split(\"a\".repeat(40)).length);"),
                stopped("a backtracking regex through replaceAll", "return \"a\".repeat(40).replaceAll(\"(a*)*\\\\1b\", \"\");"),
                stopped("a backtracking regex through Matcher.reset", "java.util.regex.Matcher m = java.util.regex.Pattern.compile(\"(a*)*\\\\1b\").matcher(\"\"); return String.valueOf(m.reset(\"a\".repeat(40)).find());"),
                stopped("a decimal written out to a billion digits", "return String.valueOf(new java.math.BigDecimal(\"1e999999999\").toPlainString().length());"),
                stopped("a decimal added across a billion places", "return new java.math.BigDecimal(\"1e999999999\").add(new java.math.BigDecimal(\"1e-999999999\")).toString();"),
                stopped("a decimal converted to long", "return String.valueOf(new java.math.BigDecimal(\"1e999999999\").longValue());"),
                stopped("an endless loop of slow JDK calls", "long n = 0; while (true) { int[] a = new int[2000]; java.util.Arrays.fill(a, 1); java.util.Arrays.sort(a); n += a[0]; }"),
                stopped("flatMap into endless ranges", "return String.valueOf(java.util.stream.IntStream.of(1, 2).flatMap(i -> java.util.stream.IntStream.range(0, Integer.MAX_VALUE)).asLongStream().sum() + java.util.stream.LongStream.range(0, Long.MAX_VALUE).sum());"));
    }

    static Stream<Arguments> memoryInsideJdkCalls() {
        return Stream.of(
                stopped("multianewarray", "int[][] a = new int[1 << 15][1 << 15]; return String.valueOf(a.length);"),
                stopped("three dimensions", "long[][][] a = new long[1024][1024][1024]; return String.valueOf(a.length);"),
                stopped("many retained 128 KiB arrays", "java.util.List<byte[]> kept = new java.util.ArrayList<>(); for (int i = 0; i < 100_000; i++) kept.add(new byte[128 * 1024]); return String.valueOf(kept.size());"),
                stopped("sb.append(sb) doubling", "StringBuilder sb = new StringBuilder(\"x\"); while (true) sb.append(sb);"),
                stopped("sb.append(sb.toString()) doubling", "StringBuilder sb = new StringBuilder(\"x\"); for (int i = 0; i < 40; i++) sb.append(sb.toString()); return String.valueOf(sb.length());"),
                stopped("s.concat(s) doubling", "String s = \"x\"; for (int i = 0; i < 40; i++) s = s.concat(s); return String.valueOf(s.length());"),
                stopped("s + s doubling", "String s = \"x\"; for (int i = 0; i < 40; i++) s = s + s; return String.valueOf(s.length());"),
                stopped("list.addAll(list) doubling", "java.util.List<String> l = new java.util.ArrayList<>(java.util.List.of(\"x\")); for (int i = 0; i < 40; i++) l.addAll(l); return String.valueOf(l.size());"),
                stopped("Arrays.copyOf to 2^30", "int[] a = java.util.Arrays.copyOf(new int[1], 1 << 30); return String.valueOf(a.length);"),
                stopped("Arrays.copyOfRange to 2^30", "long[] a = java.util.Arrays.copyOfRange(new long[1], 0, 1 << 30); return String.valueOf(a.length);"),
                stopped("String.format with a huge width", "return String.format(\"%999999999d\", 1);"),
                stopped("formatted with a huge precision", "return \"%.999999999f\".formatted(1.0);"),
                stopped("StringBuilder.setLength", "StringBuilder sb = new StringBuilder(); sb.setLength(Integer.MAX_VALUE - 8); return String.valueOf(sb.length());"),
                stopped("StringBuilder.ensureCapacity", "StringBuilder sb = new StringBuilder(); sb.ensureCapacity(Integer.MAX_VALUE - 8); return \"\";"),
                stopped("BitSet.set of a huge index", "java.util.BitSet b = new java.util.BitSet(); b.set(Integer.MAX_VALUE - 1); return String.valueOf(b.length());"),
                stopped("ArrayList.ensureCapacity", "java.util.ArrayList<String> l = new java.util.ArrayList<>(); l.ensureCapacity(Integer.MAX_VALUE - 8); return \"\";"),
                stopped("a HashMap capacity", "return String.valueOf(new java.util.HashMap<String, String>(Integer.MAX_VALUE / 2).size());"),
                stopped("BigInteger.shiftLeft", "return String.valueOf(java.math.BigInteger.ONE.shiftLeft(Integer.MAX_VALUE - 1).bitLength());"),
                stopped("BigInteger.pow", "return String.valueOf(java.math.BigInteger.TEN.pow(Integer.MAX_VALUE).bitLength());"),
                stopped("repeated squaring", "java.math.BigInteger x = java.math.BigInteger.valueOf(3); while (true) x = x.multiply(x);"),
                stopped("String.join with a huge delimiter", "return String.valueOf(String.join(\"y\".repeat(1 << 20), java.util.Collections.nCopies(1 << 12, \"x\")).length());"),
                stopped("String.repeat", "return \"xy\".repeat(Integer.MAX_VALUE / 2);"),
                stopped("ByteBuffer.allocate", "return String.valueOf(java.nio.ByteBuffer.allocate(Integer.MAX_VALUE).capacity());"),
                stopped("a huge char array for a string", "return new String(new char[Integer.MAX_VALUE - 8]);"),
                stopped("recursion to a stack overflow", "return deep(0);\n}\nstatic String deep(int n) { return deep(n + 1) + n; }\nstatic void unused() {"),
                refused("ByteBuffer.allocateDirect", "return String.valueOf(java.nio.ByteBuffer.allocateDirect(1 << 30).capacity());", "allocateDirect"),
                refused("String.intern", "return input.intern();", "intern"));
    }

    static Stream<Arguments> globalJvmState() {
        return Stream.of(
                refused("Locale.setDefault", "java.util.Locale.setDefault(java.util.Locale.FRANCE); return \"\";", "setDefault"),
                refused("Locale.setDefault for a category", "java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.FRANCE); return \"\";", "setDefault"),
                refused("TimeZone.setDefault", "java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(\"Asia/Tokyo\")); return \"\";", "setDefault"),
                refused("System.setProperty", "System.setProperty(\"jit.attack\", \"1\"); return \"\";", "setProperty"),
                refused("System.setOut", "System.setOut(null); return \"\";", "setOut"),
                refused("System.setErr", "System.setErr(null); return \"\";", "setErr"),
                refused("Thread.setDefaultUncaughtExceptionHandler with THREADS", "Thread.setDefaultUncaughtExceptionHandler(null); return \"\";", "setDefaultUncaughtExceptionHandler", THREADS),
                refused("CookieHandler.setDefault with NETWORK", "java.net.CookieHandler.setDefault(null); return \"\";", "setDefault", NETWORK),
                refused("System.gc", "System.gc(); return \"\";", "gc"),
                refused("a default method of a local interface sets the time zone", "interface Zone { default void set() { java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(\"Asia/Tokyo\")); } } new Zone() { }.set(); return \"\";", "setDefault"),
                stopped("System.out.close", "System.out.close(); return \"\";"),
                stopped("System.err.close", "System.err.close(); return \"\";"),
                stopped("closing System.out as a Closeable", "try { ((java.io.Closeable) System.out).close(); } catch (java.io.IOException e) { } return \"\";"),
                stopped("closing System.out as an AutoCloseable", "try { ((AutoCloseable) System.out).close(); } catch (Exception e) { } return \"\";"),
                stopped("try-with-resources on System.out", "try (java.io.PrintStream p = System.out) { return \"\"; }"),
                stopped("a Formatter around System.out, closed", "new java.util.Formatter(System.out).close(); return \"\";"),
                stopped("a PrintWriter around System.out, closed", "new java.io.PrintWriter(System.out).close(); return \"\";"),
                stopped("a writer around System.err", "new java.io.OutputStreamWriter(System.err); return \"\";"),
                stopped("a PrintStream around System.out", "new java.io.PrintStream(System.out, true).close(); return \"\";"));
    }

    static Stream<Arguments> informationLeaks() {
        return Stream.of(
                refused("System.getenv", "return System.getenv(\"HOME\");", "getenv"),
                refused("System.getenv map", "return String.valueOf(System.getenv());", "getenv"),
                refused("System.getProperty", "return System.getProperty(\"user.home\");", "ENVIRONMENT"),
                refused("Integer.getInteger", "return String.valueOf(Integer.getInteger(\"jit.secret\"));", "ENVIRONMENT"),
                refused("Long.getLong", "return String.valueOf(Long.getLong(\"jit.secret\"));", "ENVIRONMENT"),
                refused("Boolean.getBoolean", "return String.valueOf(Boolean.getBoolean(\"jit.secret\"));", "ENVIRONMENT"),
                refused("System.getProperties", "return String.valueOf(System.getProperties().size());", "getProperties"),
                refused("Locale.getDefault", "return java.util.Locale.getDefault().toString();", "ENVIRONMENT"),
                refused("TimeZone.getDefault", "return java.util.TimeZone.getDefault().getID();", "ENVIRONMENT"),
                refused("ZoneId.systemDefault", "return java.time.ZoneId.systemDefault().toString();", "ENVIRONMENT"),
                refused("Charset.defaultCharset", "return java.nio.charset.Charset.defaultCharset().name();", "ENVIRONMENT"),
                refused("Thread.getAllStackTraces with THREADS", "return String.valueOf(Thread.getAllStackTraces().size());", "getAllStackTraces", THREADS),
                refused("a stack trace's elements", "return String.valueOf(new Throwable().getStackTrace()[0]);", "getStackTrace"),
                refused("the runtime's processors", "return String.valueOf(Runtime.getRuntime().availableProcessors());", "java.lang.Runtime"),
                refused("the thread's name", "return Thread.currentThread().getName();", "THREADS"));
    }

    static Stream<Arguments> reflectionAndClassLoading() {
        return Stream.of(
                refused("Class.forName built at run time", "try { return Class.forName(\"java.lang.\" + \"Run\" + input).getName(); } catch (ClassNotFoundException e) { return \"\"; }", "java.lang.Class.forName"),
                refused("getDeclaredMethod", "try { return String.class.getDeclaredMethod(\"length\").toString(); } catch (NoSuchMethodException e) { return \"\"; }", "getDeclaredMethod"),
                refused("getMethods", "return String.valueOf(String.class.getMethods().length);", "getMethods"),
                refused("getSuperclass", "return String.valueOf(input.getClass().getSuperclass());", "getSuperclass"),
                refused("getClassLoader", "return String.valueOf(input.getClass().getClassLoader());", "getClassLoader"),
                refused("ClassLoader.getSystemClassLoader", "return String.valueOf(ClassLoader.getSystemClassLoader());", "java.lang.ClassLoader"),
                refused("getResourceAsStream", "return String.valueOf(String.class.getResourceAsStream(\"/x\"));", "getResourceAsStream"),
                refused("MethodHandles.lookup", "return java.lang.invoke.MethodHandles.lookup().toString();", "MethodHandles"),
                refused("reflect.Array", "return String.valueOf(java.lang.reflect.Array.newInstance(String.class, 1));", "java.lang.reflect.Array"),
                refused("Proxy", "return String.valueOf(java.lang.reflect.Proxy.newProxyInstance(null, new Class<?>[] {Runnable.class}, (p, m, a) -> null));", "java.lang.reflect"),
                refused("a field updater", "class Box { volatile int v; } return String.valueOf(java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(Box.class, \"v\"));", "newUpdater"),
                refused("ServiceLoader", "return String.valueOf(java.util.ServiceLoader.load(Runnable.class).findFirst());", "java.util.ServiceLoader"),
                refused("a ClassLoader subclass", "class Loader extends ClassLoader { } return new Loader().toString();", "java.lang.ClassLoader"),
                refused("the thread's context class loader with THREADS", "return String.valueOf(Thread.currentThread().getContextClassLoader());", "getContextClassLoader", THREADS),
                refused("getModule", "return String.valueOf(String.class.getModule());", "getModule"),
                refused("javax.script", "return String.valueOf(new javax.script.ScriptEngineManager().getEngineByName(\"js\"));", "javax.script"),
                refused("deserialization", "try { return String.valueOf(new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(new byte[0])).readObject()); } catch (Exception e) { return \"\"; }", "java.io.ObjectInputStream"),
                refused("a chronology by name", "return String.valueOf(java.time.chrono.Chronology.of(\"ISO\"));", "java.time.chrono.Chronology.of"));
    }

    static Stream<Arguments> jdkInternalPackages() {
        return Stream.of(
                refused("sun.misc.Unsafe", "return String.valueOf(sun.misc.Unsafe.class.getName());", "sun.misc.Unsafe"),
                refused("Unsafe through its field", "try { return String.valueOf(sun.misc.Unsafe.class.getDeclaredField(\"theUnsafe\")); } catch (Exception e) { return \"\"; }", "sun.misc.Unsafe"),
                refused("sun.misc.Signal", "return String.valueOf(new sun.misc.Signal(\"INT\"));", "sun.misc.Signal"),
                refused("the management factory", "return java.lang.management.ManagementFactory.getRuntimeMXBean().getName();", "java.lang.management"),
                refused("com.sun.management", "return String.valueOf((com.sun.management.OperatingSystemMXBean) null);", "com.sun.management"),
                refused("the system compiler", "return String.valueOf(javax.tools.ToolProvider.getSystemJavaCompiler());", "javax.tools"),
                refused("the JDK's HTTP server", "try { return String.valueOf(com.sun.net.httpserver.HttpServer.create()); } catch (Exception e) { return \"\"; }", "com.sun.net.httpserver"),
                refused("java.util.logging", "java.util.logging.Logger.getGlobal().info(input); return \"\";", "java.util.logging"),
                refused("preferences", "java.util.prefs.Preferences.userRoot().put(\"jit\", input); return \"\";", "java.util.prefs"),
                refused("a JFR recording", "return String.valueOf(new jdk.jfr.Recording());", "jdk.jfr"));
    }

    static Stream<Arguments> codeShapesThatHideReferences() {
        return Stream.of(
                refused("method reference System::exit", "java.util.function.IntConsumer c = System::exit; c.accept(1); return \"\";", "java.lang.System.exit(int)"),
                refused("a lambda that exits", "Runnable r = () -> System.exit(2); r.run(); return \"\";", "java.lang.System.exit(int)"),
                refused("a lambda in a lambda in a lambda", "java.util.function.Supplier<Runnable> s = () -> () -> { Runnable r = () -> System.setProperty(\"jit.attack\", \"1\"); r.run(); }; s.get().run(); return \"\";", "setProperty"),
                refused("an anonymous AbstractList whose get sets the locale", "java.util.List<String> l = new java.util.AbstractList<String>() { public String get(int i) { java.util.Locale.setDefault(java.util.Locale.FRANCE); return \"\"; } public int size() { return 1; } }; return l.get(0);", "setDefault"),
                refused("a local record's method", "record R(String s) { String go() { java.util.TimeZone.setDefault(null); return s; } } return new R(input).go();", "setDefault"),
                refused("an enum constant body", "enum Op { EXIT { void go() { System.exit(3); } }; abstract void go(); } Op.EXIT.go(); return \"\";", "java.lang.System.exit(int)"),
                refused("a static initializer of a local class", "class Init { static { System.setProperty(\"jit.attack\", \"1\"); } } return new Init().toString();", "setProperty"),
                refused("an instance initializer of an anonymous class", "Object o = new Object() { { System.setProperty(\"jit.attack\", \"1\"); } }; return o.toString();", "setProperty"),
                refused("a field initializer of a local class", "class Holder { java.io.File f = new java.io.File(\"x\"); } return String.valueOf(new Holder().f);", "FILES_READ"),
                refused("Runtime::getRuntime as a supplier", "java.util.function.Supplier<Object> s = Runtime::getRuntime; return String.valueOf(s.get());", "java.lang.Runtime"),
                refused("a class literal of a denied class", "return Runtime.class.getName();", "java.lang.Runtime"),
                refused("an inherited JDK member through a local ConcurrentHashMap", "class Map2 extends java.util.concurrent.ConcurrentHashMap<String, String> { void go() { forEach(1, (k, v) -> { }); } } new Map2().go(); return \"\";", "THREADS"),
                refused("an inherited JDK member through a local Random subclass's ints().parallel()", "class R extends java.util.Random { long go() { return ints(10).parallel().count(); } } return String.valueOf(new R().go());", "THREADS"),
                refused("an array of lambdas", "Runnable[] rs = { () -> { }, () -> System.exit(4) }; rs[1].run(); return \"\";", "java.lang.System.exit(int)"),
                refused("catching Throwable in a loop", "while (true) { try { return input.substring(99); } catch (Throwable t) { } }", "catch (java.lang.Throwable)"),
                refused("catching OutOfMemoryError", "try { return new String(new char[Integer.MAX_VALUE - 8]); } catch (OutOfMemoryError e) { return \"\"; }", "catch (java.lang.OutOfMemoryError)"),
                refused("a finalizer", "class Finalized { protected void finalize() { } } return new Finalized().toString();", "finalize()"),
                refused("a generic identity hiding Runtime", "return String.valueOf(id(Runtime.getRuntime()));\n}\nstatic <T> T id(T t) { return t; }\nstatic void unused() {", "java.lang.Runtime"),
                stopped("swallowing the budget failure", "try { while (true) { } } catch (RuntimeException e) { return \"swallowed\"; }"),
                stopped("finally { return }", "try { while (true) { } } finally { return \"swallowed\"; }"),
                stopped("an inherited addAll through a local AbstractList", "class L extends java.util.AbstractList<String> { public String get(int i) { return \"x\"; } public int size() { return 1 << 28; } } java.util.ArrayList<String> a = new java.util.ArrayList<>(); a.addAll(new L()); return String.valueOf(a.size());"),
                stopped("String::repeat through a local subclass-free BiFunction", "java.util.function.BiFunction<String, Integer, String> f = (s, n) -> s.repeat(n); return f.apply(\"xy\", Integer.MAX_VALUE / 2);"));
    }

    static Stream<Arguments> stateBetweenCalls() {
        return Stream.of(
                perCall("a static final list appended to", "LOG.add(input); return String.valueOf(LOG.size());\n}\nprivate static final java.util.List<String> LOG = new java.util.ArrayList<>();\nstatic void unused() {"),
                perCall("a static map as a cache across calls", "return CACHE.computeIfAbsent(input, String::toUpperCase);\n}\nprivate static final java.util.Map<String, String> CACHE = new java.util.HashMap<>();\nstatic void unused() {"),
                perCall("a static counter array", "COUNT[0]++; return String.valueOf(COUNT[0]);\n}\nprivate static final int[] COUNT = new int[1];\nstatic void unused() {"),
                perCall("a static StringBuilder", "return SB.append(input).toString();\n}\nprivate static final StringBuilder SB = new StringBuilder();\nstatic void unused() {"),
                perCall("a static AtomicInteger", "return String.valueOf(N.incrementAndGet());\n}\nprivate static final java.util.concurrent.atomic.AtomicInteger N = new java.util.concurrent.atomic.AtomicInteger();\nstatic void unused() {"),
                perCall("through an alias", "java.util.List<String> l = LOG; l.add(input); return \"\";\n}\nprivate static final java.util.List<String> LOG = new java.util.ArrayList<>();\nstatic void unused() {"),
                perCall("through a bound method reference", "java.util.List.of(input).forEach(LOG::add); return \"\";\n}\nprivate static final java.util.List<String> LOG = new java.util.ArrayList<>();\nstatic void unused() {"),
                perCall("through a helper method", "keep(LOG, input); return \"\";\n}\nstatic void keep(java.util.List<String> to, String s) { to.add(s); }\nprivate static final java.util.List<String> LOG = new java.util.ArrayList<>();\nstatic void unused() {"),
                perCall("through Collections.addAll", "java.util.Collections.addAll(LOG, input); return \"\";\n}\nprivate static final java.util.List<String> LOG = new java.util.ArrayList<>();\nstatic void unused() {"),
                perCall("through an iterator", "java.util.Iterator<String> it = LOG.iterator(); if (it.hasNext()) { it.next(); it.remove(); } return \"\";\n}\nprivate static final java.util.List<String> LOG = new java.util.ArrayList<>(java.util.List.of(\"a\"));\nstatic void unused() {"),
                perCall("a static Object[] holder", "HOLDER[0] = input; return \"\";\n}\nprivate static final Object[] HOLDER = new Object[1];\nstatic void unused() {"),
                refused("an enum constant's mutable field", "Counter.ONE.count++; return String.valueOf(Counter.ONE.count);\n}\nenum Counter { ONE; int count; }\nstatic void unused() {", "STATE"),
                perCall("a static field written", "LAST = input; return input;\n}\nstatic String LAST;\nstatic void unused() {"),
                perCall("a lambda capturing the alias", "java.util.List<String> l = LOG; Runnable r = () -> l.add(\"x\"); r.run(); return \"\";\n}\nprivate static final java.util.List<String> LOG = new java.util.ArrayList<>();\nstatic void unused() {"),
                perCall("Arrays.fill on a static table", "java.util.Arrays.fill(TABLE, input.length()); return \"\";\n}\nprivate static final int[] TABLE = new int[4];\nstatic void unused() {"));
    }
}
