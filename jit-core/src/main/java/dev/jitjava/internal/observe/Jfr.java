package dev.jitjava.internal.observe;

import jdk.jfr.FlightRecorder;

/**
 * Whether JFR may be recording. Loading the first JFR event class costs some 170 ms in a fresh JVM
 * (it starts JFR's own machinery), so jit-java's event classes ({@link JfrEvents}) are loaded only
 * once a recording has started in this JVM; until then this loads one JFR class and reads a flag.
 */
final class Jfr {
    /** Set when the JDK has no {@code jdk.jfr} module (a trimmed runtime image): then nothing is ever recorded. */
    private static volatile boolean absent;

    private Jfr() {
    }

    static boolean recording() {
        if (absent) {
            return false;
        }
        try {
            return FlightRecorder.isInitialized();
        } catch (LinkageError e) {
            absent = true;
            return false;
        }
    }
}
