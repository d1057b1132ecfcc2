package dev.jitjava.bench;

/** 100 methods in 10 interfaces of 10, and their hand-written twins, for the start-up measurement. */
public final class Apis {
    private Apis() {
    }

    @dev.jitjava.JitInterface
    public interface Api0 {
        int m0(int x);
        int m1(int x);
        int m2(int x);
        int m3(int x);
        int m4(int x);
        int m5(int x);
        int m6(int x);
        int m7(int x);
        int m8(int x);
        int m9(int x);
    }

    @dev.jitjava.JitInterface
    public interface Api1 {
        int m0(int x);
        int m1(int x);
        int m2(int x);
        int m3(int x);
        int m4(int x);
        int m5(int x);
        int m6(int x);
        int m7(int x);
        int m8(int x);
        int m9(int x);
    }

    @dev.jitjava.JitInterface
    public interface Api2 {
        int m0(int x);
        int m1(int x);
        int m2(int x);
        int m3(int x);
        int m4(int x);
        int m5(int x);
        int m6(int x);
        int m7(int x);
        int m8(int x);
        int m9(int x);
    }

    @dev.jitjava.JitInterface
    public interface Api3 {
        int m0(int x);
        int m1(int x);
        int m2(int x);
        int m3(int x);
        int m4(int x);
        int m5(int x);
        int m6(int x);
        int m7(int x);
        int m8(int x);
        int m9(int x);
    }

    @dev.jitjava.JitInterface
    public interface Api4 {
        int m0(int x);
        int m1(int x);
        int m2(int x);
        int m3(int x);
        int m4(int x);
        int m5(int x);
        int m6(int x);
        int m7(int x);
        int m8(int x);
        int m9(int x);
    }

    @dev.jitjava.JitInterface
    public interface Api5 {
        int m0(int x);
        int m1(int x);
        int m2(int x);
        int m3(int x);
        int m4(int x);
        int m5(int x);
        int m6(int x);
        int m7(int x);
        int m8(int x);
        int m9(int x);
    }

    @dev.jitjava.JitInterface
    public interface Api6 {
        int m0(int x);
        int m1(int x);
        int m2(int x);
        int m3(int x);
        int m4(int x);
        int m5(int x);
        int m6(int x);
        int m7(int x);
        int m8(int x);
        int m9(int x);
    }

    @dev.jitjava.JitInterface
    public interface Api7 {
        int m0(int x);
        int m1(int x);
        int m2(int x);
        int m3(int x);
        int m4(int x);
        int m5(int x);
        int m6(int x);
        int m7(int x);
        int m8(int x);
        int m9(int x);
    }

    @dev.jitjava.JitInterface
    public interface Api8 {
        int m0(int x);
        int m1(int x);
        int m2(int x);
        int m3(int x);
        int m4(int x);
        int m5(int x);
        int m6(int x);
        int m7(int x);
        int m8(int x);
        int m9(int x);
    }

    @dev.jitjava.JitInterface
    public interface Api9 {
        int m0(int x);
        int m1(int x);
        int m2(int x);
        int m3(int x);
        int m4(int x);
        int m5(int x);
        int m6(int x);
        int m7(int x);
        int m8(int x);
        int m9(int x);
    }

    public static final class PlainApi0 implements Api0 {
        public int m0(int x) { return x + 0; }
        public int m1(int x) { return x + 1; }
        public int m2(int x) { return x + 2; }
        public int m3(int x) { return x + 3; }
        public int m4(int x) { return x + 4; }
        public int m5(int x) { return x + 5; }
        public int m6(int x) { return x + 6; }
        public int m7(int x) { return x + 7; }
        public int m8(int x) { return x + 8; }
        public int m9(int x) { return x + 9; }
    }

    public static final class PlainApi1 implements Api1 {
        public int m0(int x) { return x + 10; }
        public int m1(int x) { return x + 11; }
        public int m2(int x) { return x + 12; }
        public int m3(int x) { return x + 13; }
        public int m4(int x) { return x + 14; }
        public int m5(int x) { return x + 15; }
        public int m6(int x) { return x + 16; }
        public int m7(int x) { return x + 17; }
        public int m8(int x) { return x + 18; }
        public int m9(int x) { return x + 19; }
    }

    public static final class PlainApi2 implements Api2 {
        public int m0(int x) { return x + 20; }
        public int m1(int x) { return x + 21; }
        public int m2(int x) { return x + 22; }
        public int m3(int x) { return x + 23; }
        public int m4(int x) { return x + 24; }
        public int m5(int x) { return x + 25; }
        public int m6(int x) { return x + 26; }
        public int m7(int x) { return x + 27; }
        public int m8(int x) { return x + 28; }
        public int m9(int x) { return x + 29; }
    }

    public static final class PlainApi3 implements Api3 {
        public int m0(int x) { return x + 30; }
        public int m1(int x) { return x + 31; }
        public int m2(int x) { return x + 32; }
        public int m3(int x) { return x + 33; }
        public int m4(int x) { return x + 34; }
        public int m5(int x) { return x + 35; }
        public int m6(int x) { return x + 36; }
        public int m7(int x) { return x + 37; }
        public int m8(int x) { return x + 38; }
        public int m9(int x) { return x + 39; }
    }

    public static final class PlainApi4 implements Api4 {
        public int m0(int x) { return x + 40; }
        public int m1(int x) { return x + 41; }
        public int m2(int x) { return x + 42; }
        public int m3(int x) { return x + 43; }
        public int m4(int x) { return x + 44; }
        public int m5(int x) { return x + 45; }
        public int m6(int x) { return x + 46; }
        public int m7(int x) { return x + 47; }
        public int m8(int x) { return x + 48; }
        public int m9(int x) { return x + 49; }
    }

    public static final class PlainApi5 implements Api5 {
        public int m0(int x) { return x + 50; }
        public int m1(int x) { return x + 51; }
        public int m2(int x) { return x + 52; }
        public int m3(int x) { return x + 53; }
        public int m4(int x) { return x + 54; }
        public int m5(int x) { return x + 55; }
        public int m6(int x) { return x + 56; }
        public int m7(int x) { return x + 57; }
        public int m8(int x) { return x + 58; }
        public int m9(int x) { return x + 59; }
    }

    public static final class PlainApi6 implements Api6 {
        public int m0(int x) { return x + 60; }
        public int m1(int x) { return x + 61; }
        public int m2(int x) { return x + 62; }
        public int m3(int x) { return x + 63; }
        public int m4(int x) { return x + 64; }
        public int m5(int x) { return x + 65; }
        public int m6(int x) { return x + 66; }
        public int m7(int x) { return x + 67; }
        public int m8(int x) { return x + 68; }
        public int m9(int x) { return x + 69; }
    }

    public static final class PlainApi7 implements Api7 {
        public int m0(int x) { return x + 70; }
        public int m1(int x) { return x + 71; }
        public int m2(int x) { return x + 72; }
        public int m3(int x) { return x + 73; }
        public int m4(int x) { return x + 74; }
        public int m5(int x) { return x + 75; }
        public int m6(int x) { return x + 76; }
        public int m7(int x) { return x + 77; }
        public int m8(int x) { return x + 78; }
        public int m9(int x) { return x + 79; }
    }

    public static final class PlainApi8 implements Api8 {
        public int m0(int x) { return x + 80; }
        public int m1(int x) { return x + 81; }
        public int m2(int x) { return x + 82; }
        public int m3(int x) { return x + 83; }
        public int m4(int x) { return x + 84; }
        public int m5(int x) { return x + 85; }
        public int m6(int x) { return x + 86; }
        public int m7(int x) { return x + 87; }
        public int m8(int x) { return x + 88; }
        public int m9(int x) { return x + 89; }
    }

    public static final class PlainApi9 implements Api9 {
        public int m0(int x) { return x + 90; }
        public int m1(int x) { return x + 91; }
        public int m2(int x) { return x + 92; }
        public int m3(int x) { return x + 93; }
        public int m4(int x) { return x + 94; }
        public int m5(int x) { return x + 95; }
        public int m6(int x) { return x + 96; }
        public int m7(int x) { return x + 97; }
        public int m8(int x) { return x + 98; }
        public int m9(int x) { return x + 99; }
    }

    /** The interfaces, in order. */
    public static final Class<?>[] INTERFACES = {Api0.class, Api1.class, Api2.class, Api3.class, Api4.class, Api5.class, Api6.class, Api7.class, Api8.class, Api9.class};

    /** A hand-written instance of each interface. */
    public static Object[] plain() {
        return new Object[]{new PlainApi0(), new PlainApi1(), new PlainApi2(), new PlainApi3(), new PlainApi4(), new PlainApi5(), new PlainApi6(), new PlainApi7(), new PlainApi8(), new PlainApi9()};
    }

    /** Calls the first {@code count} methods once each, directly. */
    public static long callAll(Object[] instances, int count) {
        long sum = 0;
        if (count > 0) sum += ((Api0) instances[0]).m0(1);
        if (count > 1) sum += ((Api0) instances[0]).m1(1);
        if (count > 2) sum += ((Api0) instances[0]).m2(1);
        if (count > 3) sum += ((Api0) instances[0]).m3(1);
        if (count > 4) sum += ((Api0) instances[0]).m4(1);
        if (count > 5) sum += ((Api0) instances[0]).m5(1);
        if (count > 6) sum += ((Api0) instances[0]).m6(1);
        if (count > 7) sum += ((Api0) instances[0]).m7(1);
        if (count > 8) sum += ((Api0) instances[0]).m8(1);
        if (count > 9) sum += ((Api0) instances[0]).m9(1);
        if (count > 10) sum += ((Api1) instances[1]).m0(1);
        if (count > 11) sum += ((Api1) instances[1]).m1(1);
        if (count > 12) sum += ((Api1) instances[1]).m2(1);
        if (count > 13) sum += ((Api1) instances[1]).m3(1);
        if (count > 14) sum += ((Api1) instances[1]).m4(1);
        if (count > 15) sum += ((Api1) instances[1]).m5(1);
        if (count > 16) sum += ((Api1) instances[1]).m6(1);
        if (count > 17) sum += ((Api1) instances[1]).m7(1);
        if (count > 18) sum += ((Api1) instances[1]).m8(1);
        if (count > 19) sum += ((Api1) instances[1]).m9(1);
        if (count > 20) sum += ((Api2) instances[2]).m0(1);
        if (count > 21) sum += ((Api2) instances[2]).m1(1);
        if (count > 22) sum += ((Api2) instances[2]).m2(1);
        if (count > 23) sum += ((Api2) instances[2]).m3(1);
        if (count > 24) sum += ((Api2) instances[2]).m4(1);
        if (count > 25) sum += ((Api2) instances[2]).m5(1);
        if (count > 26) sum += ((Api2) instances[2]).m6(1);
        if (count > 27) sum += ((Api2) instances[2]).m7(1);
        if (count > 28) sum += ((Api2) instances[2]).m8(1);
        if (count > 29) sum += ((Api2) instances[2]).m9(1);
        if (count > 30) sum += ((Api3) instances[3]).m0(1);
        if (count > 31) sum += ((Api3) instances[3]).m1(1);
        if (count > 32) sum += ((Api3) instances[3]).m2(1);
        if (count > 33) sum += ((Api3) instances[3]).m3(1);
        if (count > 34) sum += ((Api3) instances[3]).m4(1);
        if (count > 35) sum += ((Api3) instances[3]).m5(1);
        if (count > 36) sum += ((Api3) instances[3]).m6(1);
        if (count > 37) sum += ((Api3) instances[3]).m7(1);
        if (count > 38) sum += ((Api3) instances[3]).m8(1);
        if (count > 39) sum += ((Api3) instances[3]).m9(1);
        if (count > 40) sum += ((Api4) instances[4]).m0(1);
        if (count > 41) sum += ((Api4) instances[4]).m1(1);
        if (count > 42) sum += ((Api4) instances[4]).m2(1);
        if (count > 43) sum += ((Api4) instances[4]).m3(1);
        if (count > 44) sum += ((Api4) instances[4]).m4(1);
        if (count > 45) sum += ((Api4) instances[4]).m5(1);
        if (count > 46) sum += ((Api4) instances[4]).m6(1);
        if (count > 47) sum += ((Api4) instances[4]).m7(1);
        if (count > 48) sum += ((Api4) instances[4]).m8(1);
        if (count > 49) sum += ((Api4) instances[4]).m9(1);
        if (count > 50) sum += ((Api5) instances[5]).m0(1);
        if (count > 51) sum += ((Api5) instances[5]).m1(1);
        if (count > 52) sum += ((Api5) instances[5]).m2(1);
        if (count > 53) sum += ((Api5) instances[5]).m3(1);
        if (count > 54) sum += ((Api5) instances[5]).m4(1);
        if (count > 55) sum += ((Api5) instances[5]).m5(1);
        if (count > 56) sum += ((Api5) instances[5]).m6(1);
        if (count > 57) sum += ((Api5) instances[5]).m7(1);
        if (count > 58) sum += ((Api5) instances[5]).m8(1);
        if (count > 59) sum += ((Api5) instances[5]).m9(1);
        if (count > 60) sum += ((Api6) instances[6]).m0(1);
        if (count > 61) sum += ((Api6) instances[6]).m1(1);
        if (count > 62) sum += ((Api6) instances[6]).m2(1);
        if (count > 63) sum += ((Api6) instances[6]).m3(1);
        if (count > 64) sum += ((Api6) instances[6]).m4(1);
        if (count > 65) sum += ((Api6) instances[6]).m5(1);
        if (count > 66) sum += ((Api6) instances[6]).m6(1);
        if (count > 67) sum += ((Api6) instances[6]).m7(1);
        if (count > 68) sum += ((Api6) instances[6]).m8(1);
        if (count > 69) sum += ((Api6) instances[6]).m9(1);
        if (count > 70) sum += ((Api7) instances[7]).m0(1);
        if (count > 71) sum += ((Api7) instances[7]).m1(1);
        if (count > 72) sum += ((Api7) instances[7]).m2(1);
        if (count > 73) sum += ((Api7) instances[7]).m3(1);
        if (count > 74) sum += ((Api7) instances[7]).m4(1);
        if (count > 75) sum += ((Api7) instances[7]).m5(1);
        if (count > 76) sum += ((Api7) instances[7]).m6(1);
        if (count > 77) sum += ((Api7) instances[7]).m7(1);
        if (count > 78) sum += ((Api7) instances[7]).m8(1);
        if (count > 79) sum += ((Api7) instances[7]).m9(1);
        if (count > 80) sum += ((Api8) instances[8]).m0(1);
        if (count > 81) sum += ((Api8) instances[8]).m1(1);
        if (count > 82) sum += ((Api8) instances[8]).m2(1);
        if (count > 83) sum += ((Api8) instances[8]).m3(1);
        if (count > 84) sum += ((Api8) instances[8]).m4(1);
        if (count > 85) sum += ((Api8) instances[8]).m5(1);
        if (count > 86) sum += ((Api8) instances[8]).m6(1);
        if (count > 87) sum += ((Api8) instances[8]).m7(1);
        if (count > 88) sum += ((Api8) instances[8]).m8(1);
        if (count > 89) sum += ((Api8) instances[8]).m9(1);
        if (count > 90) sum += ((Api9) instances[9]).m0(1);
        if (count > 91) sum += ((Api9) instances[9]).m1(1);
        if (count > 92) sum += ((Api9) instances[9]).m2(1);
        if (count > 93) sum += ((Api9) instances[9]).m3(1);
        if (count > 94) sum += ((Api9) instances[9]).m4(1);
        if (count > 95) sum += ((Api9) instances[9]).m5(1);
        if (count > 96) sum += ((Api9) instances[9]).m6(1);
        if (count > 97) sum += ((Api9) instances[9]).m7(1);
        if (count > 98) sum += ((Api9) instances[9]).m8(1);
        if (count > 99) sum += ((Api9) instances[9]).m9(1);
        return sum;
    }
}
