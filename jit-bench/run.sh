#!/usr/bin/env bash
# Builds jit-bench (and jit.jar) and measures everything issues 9 and 19 ask for, then writes
# jit-bench/RESULTS.md. Takes about 12 minutes on 2 cores. Run from anywhere: ./jit-bench/run.sh
# Nothing is installed into ~/.m2: the modules are built in one reactor and used from their target/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"
mvn -B -q -Pbench -DskipTests -Dinvoker.skip -pl jit-bench,jit-processor,jit-cli -am package \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
cd "$here"
cp="target/classes:$(cat target/classpath.txt)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java=java
[ -n "${JAVA_HOME:-}" ] && java="$JAVA_HOME/bin/java"

echo "== JMH: call overhead, and dynamic calls as programs hold them" >&2
"$java" -cp "$cp" org.openjdk.jmh.Main 'CallBenchmark' -rf json -rff "$work/jmh.json" >&2

echo "== start-up" >&2
"$java" -cp "$cp" dev.jitjava.bench.StartupMain prepare "$work/store" >&2
# A store as users have it: written a while ago (files changed in the last 2 s are read, not trusted by stamp).
sleep 2
millis() { local start end; start=$(date +%s%N); "$@" > /dev/null 2>&1; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# pairs N FILE_A FILE_B COMMAND_A -- COMMAND_B: N runs of each, in turn, their times appended to the files
pairs() {
  local n="$1" a="$2" b="$3" i; shift 3
  local first=() second=() seen=""
  for arg in "$@"; do
    if [ -z "$seen" ] && [ "$arg" = "--" ]; then seen=yes; elif [ -z "$seen" ]; then first+=("$arg"); else second+=("$arg"); fi
  done
  : > "$a"; : > "$b"
  for ((i = 0; i < n; i++)); do
    millis "${first[@]}" >> "$a"
    millis "${second[@]}" >> "$b"
  done
}
startup_rows=""
for n in 1 10 100; do
  millis "$java" -cp "$cp" dev.jitjava.bench.StartupMain jit $n "$work/store" > /dev/null # fills .cache/ after the last run removed it
  : > "$work/plain"; : > "$work/cached"
  for i in 1 2 3 4 5 6 7 8 9 10 11; do # alternating, so that the machine's drift touches both alike
    millis "$java" -cp "$cp" dev.jitjava.bench.StartupMain plain $n >> "$work/plain"
    millis "$java" -cp "$cp" dev.jitjava.bench.StartupMain jit $n "$work/store" >> "$work/cached"
  done
  plain=$(median < "$work/plain")
  cached=$(median < "$work/cached")
  nocache=$(for i in 1 2 3; do rm -rf "$work/store/.cache"; millis "$java" -cp "$cp" dev.jitjava.bench.StartupMain jit $n "$work/store"; done | median)
  startup_rows+="| $n | $plain ms | $cached ms (+$((cached - plain))) | $nocache ms (+$((nocache - plain))) |"$'\n'
done

echo "== start-up, 100 methods, after a lambda and a stream (as a real application has used them)" >&2
pairs 11 "$work/plain" "$work/cached" "$java" -cp "$cp" dev.jitjava.bench.StartupMain plain+app 100 \
  -- "$java" -cp "$cp" dev.jitjava.bench.StartupMain jit+app 100 "$work/store"
app_row="| 100 | $(median < "$work/plain") ms | $(median < "$work/cached") ms (+$(( $(median < "$work/cached") - $(median < "$work/plain") ))) |"

echo "== jit run of an unchanged program with stored methods vs java File.java, hand-written" >&2
run_rows=""
for program in Vowels OddNumbers; do
  mkdir -p "$work/run/$program/.jit/file" "$work/hand"
  cp "$root/examples/$program.java" "$work/run/$program/"
  cp -r "$root/examples/.jit/file/$program" "$work/run/$program/.jit/file/"
  # the twin: the stored methods written into the program's class by hand
  python3 - "$root/examples/$program.java" "$root/examples/.jit/file/$program" > "$work/hand/$program.java" <<'PY'
import pathlib, sys
program = pathlib.Path(sys.argv[1]).read_text().rstrip()
methods = "".join("\n" + p.read_text().rstrip() + "\n" for p in sorted(pathlib.Path(sys.argv[2]).glob("*.java")))
print(program[:program.rindex("}")] + methods + "}")
PY
  sleep 2 # a store as users have it: written a while ago
  (cd "$work/run/$program" && for i in 1 2 3; do JIT_MODE=locked "$root/jit" run "$program.java" hello > /dev/null; done)
  jit_out=$(cd "$work/run/$program" && "$root/jit" run "$program.java" hello)
  hand_out=$("$java" "$work/hand/$program.java" hello)
  [ "$jit_out" = "$hand_out" ] || { echo "$program: jit run printed '$jit_out', the hand-written twin '$hand_out'" >&2; exit 1; }
  (cd "$work/run/$program" && pairs 11 "$work/jitrun" "$work/source" "$root/jit" run "$program.java" hello \
    -- "$java" "$work/hand/$program.java" hello)
  # a first run after a change: the program edited before each run, so that nothing of its build is kept
  : > "$work/jitfirst"; : > "$work/sourcefirst"
  for i in 1 2 3 4 5 6 7; do
    echo "// run $i" >> "$work/run/$program/$program.java"
    (cd "$work/run/$program" && JIT_MODE=locked millis "$root/jit" run "$program.java" hello >> "$work/jitfirst")
    echo "// run $i" >> "$work/hand/$program.java"
    millis "$java" "$work/hand/$program.java" hello >> "$work/sourcefirst"
  done
  jr=$(median < "$work/jitrun"); sr=$(median < "$work/source"); jf=$(median < "$work/jitfirst"); sf=$(median < "$work/sourcefirst")
  run_rows+="| $program.java, unchanged | $jr ms | $sr ms | $(awk -v a="$jr" -v b="$sr" 'BEGIN {printf "%.2fx", a / b}') |"$'\n'
  run_rows+="| $program.java, changed before each run | $jf ms | $sf ms | $(awk -v a="$jf" -v b="$sf" 'BEGIN {printf "%.2fx", a / b}') |"$'\n'
done

echo "== jit shell vs jshell: a one-line session, piped" >&2
mkdir -p "$work/shell"
printf 'System.out.println(6 * 7);\n/exit\n' > "$work/session.jsh"
jshell=jshell
[ -n "${JAVA_HOME:-}" ] && jshell="$JAVA_HOME/bin/jshell"
session() { "$@" < "$work/session.jsh"; }
(cd "$work/shell" && JIT_MODE=locked session "$root/jit" shell > /dev/null 2>&1; session "$jshell" -q > /dev/null 2>&1)
(cd "$work/shell" && JIT_MODE=locked pairs 11 "$work/jitshell" "$work/jshell" session "$root/jit" shell -- session "$jshell" -q)
js=$(median < "$work/jitshell"); jj=$(median < "$work/jshell")
shell_row="| one line, piped (\`System.out.println(6 * 7);\` then \`/exit\`) | $js ms | $jj ms | $(awk -v a="$js" -v b="$jj" 'BEGIN {printf "%.2fx", a / b}') |"

echo "== start-up, compiled in at build time (jit-processor) vs hand-written, 100 methods" >&2
processorpath="$root/jit-processor/target/classes:$(ls "$root"/jit-core/target/jit-core-*.jar | head -1):$(cat "$root/jit-processor/target/classpath.txt")"
mkdir -p "$work/buildtime"
javac -parameters -d "$work/buildtime" -cp "$cp" -processorpath "$processorpath" -Ajit.store="$work/store" \
  -Ajit.missing=error src/main/java/dev/jitjava/bench/Apis.java
: > "$work/plain"; : > "$work/built"
for i in $(seq 1 21); do # alternating, 21 pairs: the target (20 ms) is smaller than the machine's drift
  millis "$java" -cp "$work/buildtime:$cp" dev.jitjava.bench.StartupMain plain 100 >> "$work/plain"
  millis "$java" -cp "$work/buildtime:$cp" dev.jitjava.bench.StartupMain buildtime 100 >> "$work/built"
done
buildtime_row="| 100 | $(median < "$work/plain") ms | $(median < "$work/built") ms (+$(( $(median < "$work/built") - $(median < "$work/plain") ))) |"
"$java" -Xlog:class+load -cp "$work/buildtime:$cp" dev.jitjava.bench.StartupMain plain 100 > "$work/plain.log"
"$java" -Xlog:class+load -cp "$work/buildtime:$cp" dev.jitjava.bench.StartupMain buildtime 100 > "$work/built.log"
defined=$(grep -c -e "LookupDefineClass" -e '\$\$Lambda' "$work/built.log" || true)
classes="$(grep -c "class,load" "$work/plain.log") and $(grep -c "class,load" "$work/built.log")"

echo "== generation overhead" >&2
generation=$("$java" -cp "$cp" dev.jitjava.bench.GenerationMain 30 2>/dev/null)

echo "== concurrency" >&2
concurrency=$("$java" -cp "$cp" dev.jitjava.bench.ConcurrencyMain 2>/dev/null)

jmh_table() {
  python3 - "$work/jmh.json" "$1" <<'PY'
import json, sys
scores = {".".join(r["benchmark"].split(".")[-2:]): r["primaryMetric"]["score"] for r in json.load(open(sys.argv[1]))}
rows = []
if sys.argv[2] == "constant":
    groups = {"add": ("Direct", "Generated", "Dynamic", "Proxy"), "vowels": ("Direct", "Generated", "Dynamic", "Proxy")}
    prefix = "CallBenchmark."
else:
    groups = {"vowels": ("Direct", "Typed", "Untyped", "Method"), "add": ("Direct", "Typed"), "mixed": ("Direct", "Typed")}
    prefix = "HeldCallBenchmark."
for body, kinds in groups.items():
    direct = scores[prefix + body + "Direct"]
    for kind in kinds:
        s = scores[prefix + body + kind]
        rows.append(f"| {body} | {kind.lower()} | {s:.2f} ns | {s / direct:.2f}x |")
print("\n".join(rows))
PY
}
ratios=$(jmh_table constant)
held=$(jmh_table held)

cpu=$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
cat > "$here/RESULTS.md" <<MD
# jit-java benchmark results

Machine: $(nproc) cores, ${cpu:-unknown CPU}; $("$java" -version 2>&1 | head -1). Written by \`jit-bench/run.sh\` on $(date -u +%Y-%m-%d).
Ratios travel between machines better than times.

## 1. Call overhead (JMH, average time per call; ratio to the hand-written class)

| body | call | time | ratio |
|---|---|---|---|
$ratios

Targets: generated within 1.1x of direct; dynamic within 3x.

Dynamic calls as a program holds them (\`HeldCallBenchmark\`): the \`JitObject\` and a \`JitMethod\` in
fields, the name a literal, the loop a method of its own that is not inlined into the benchmark (so
nothing folds to a constant); per call, against the same loop calling the hand-written class.
\`typed\` is \`o.call(Integer.class, "countVowels", word)\`, \`untyped\` \`(Integer) o.call("countVowels", word)\`,
\`method\` a held \`o.method("countVowels").returns(Integer.class)\` called with \`.call(word)\`; \`mixed\`
calls \`countVowels\` and \`add\` in turn.

| body | call | time | ratio |
|---|---|---|---|
$held

Target: within 3x of direct for a 10 ns body (\`vowels\`), allocating nothing (checked in \`mvn verify\` by
\`HeldDynamicCallTest\`).

## 2. Start-up: a fresh JVM that loads N stored methods and calls each once (median wall time of 11, alternating with plain Java)

| N | plain Java | jit-java, .cache/ present | jit-java, no .cache/ (javac) |
|---|---|---|---|
${startup_rows}
Target: 100 methods with .cache/ under 150 ms more than plain Java.

Both after a lambda and a stream (what a real application has used by then, and what a first
lambda costs any program):

| N | plain Java | jit-java, .cache/ present |
|---|---|---|
${app_row}

Compiled in at build time by jit-processor (LOCKED, no store), against the same program hand-written (median of 21,
alternating):

| N | plain Java | jit-java, compiled in |
|---|---|---|
${buildtime_row}

Classes defined at run time (Lookup.defineClass, lambdas) in that run: ${defined}; classes loaded by plain Java and
compiled in: ${classes}. Target: within 20 ms of plain Java.

## 3. The \`jit\` command against the JDK's own tools (median wall time of 11, in turn; 7 for the changed runs)

\`./jit run\` (with its class-data sharing archive) of an example program whose methods are all stored
(LOCKED), against \`java File.java\` (the JDK's source launcher) on the same program with those methods
written into it by hand. "Changed" edits both files before each run, so that \`jit run\` builds the
program again (javac, verifier; the methods' own compiled classes stay in \`.cache/\`).

| program | jit run | java File.java | ratio |
|---|---|---|---|
${run_rows}
Target: an unchanged program within the time of \`java File.java\`.

\`./jit shell\` against \`jshell\` (which runs snippets in a second JVM), from start to exit:

| session | jit shell | jshell | ratio |
|---|---|---|---|
${shell_row}

## 4. Generation overhead with a zero-latency scripted model

$generation

Target: warm under 100 ms per method.

## 5. Concurrency: threads calling missing methods at once

$concurrency
MD
echo "wrote $here/RESULTS.md" >&2
