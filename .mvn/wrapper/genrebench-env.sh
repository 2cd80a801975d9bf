# Sourced by ./mvnw before Maven starts (POSIX sh). Three jobs, each explained below:
#   1. pick a JDK >= 21 (Smile 4 needs it) even when the default `java` is older;
#   2. restrict JavaCPP native artifacts (nd4j, OpenBLAS) to the host platform;
#   3. make `./mvnw exec:java ...` work on a fresh clone by compiling first.

GENREBENCH_MIN_JDK=${GENREBENCH_MIN_JDK:-21}

# Prints the major version of the JDK at $1, or nothing if $1 is not a JDK (javac missing).
genrebench_jdk_major() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  case "$v" in 1.*) v=${v#1.} ;; esac
  printf '%s\n' "${v%%[!0-9]*}"
}

genrebench_pick_jdk() {
  found="" seen=""
  best="" best_major=0
  # Preference order: an explicit JAVA_HOME, then the `java` on PATH, then well-known install folders.
  path_java=$(command -v java 2>/dev/null || true)
  path_home=""
  if [ -n "$path_java" ]; then
    real=$(readlink -f "$path_java" 2>/dev/null || printf '%s' "$path_java")
    path_home=$(dirname "$(dirname "$real")")
  fi
  for home in "${JAVA_HOME-}" "$path_home" /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
              /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -n "$home" ] && [ -d "$home" ] || continue
    home=$(cd "$home" && pwd -P)
    case "$seen" in *"|$home|"*) continue ;; esac
    seen="$seen|$home|"
    major=$(genrebench_jdk_major "$home")
    [ -n "$major" ] || continue
    found="${found:+$found, }$home (JDK $major)"
    if [ "$major" -ge "$GENREBENCH_MIN_JDK" ]; then
      # The first acceptable JDK in preference order wins, so JAVA_HOME is respected when it qualifies.
      if [ -z "$best" ]; then best="$home"; best_major=$major; fi
    fi
  done
  if [ -z "$best" ]; then
    echo "GenreBench needs a JDK $GENREBENCH_MIN_JDK or newer, but found only ${found:-no JDK at all}; install one (for example 'apt-get install openjdk-21-jdk') or point JAVA_HOME at it." >&2
    exit 1
  fi
  JAVA_HOME="$best"
  export JAVA_HOME
  if [ "$best_major" -ge 24 ]; then
    # JDK 24+ warns on every sun.misc.Unsafe/JNI use by Maven, JavaCPP and nd4j; these flags opt in quietly.
    MAVEN_OPTS="${MAVEN_OPTS-} --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
    export MAVEN_OPTS
  fi
  [ "${MVNW_VERBOSE-}" != true ] || echo "mvnw: using JDK $best_major at $JAVA_HOME" >&2
}

# JavaCPP classifier of this machine, e.g. linux-x86_64 or macosx-arm64.
genrebench_javacpp_platform() {
  case "$(uname -s)" in
    Linux*) os=linux ;; Darwin*) os=macosx ;; CYGWIN* | MINGW* | MSYS*) os=windows ;; *) os=linux ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x86_64 ;; aarch64 | arm64) arch=arm64 ;; ppc64le) arch=ppc64le ;; *) arch=x86_64 ;;
  esac
  printf '%s-%s\n' "$os" "$arch"
}

genrebench_pick_jdk

# nd4j's OpenMP threads otherwise spin for a while after every native op, on the cores that the Java kernels of
# the networks (batch norm, ReLU/pooling, first-conv gradient) and their many small LSTM ops run on next: PASSIVE
# makes them sleep instead. Measured on 2 cores (results/benchmarks.md): crnn training step 0.11 s instead of
# 0.40 s; cnn and vgg unchanged.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"

# Rebuild the argument list: add -Djavacpp.platform unless given, and a `compile` phase before a bare exec:java.
genrebench_has_platform=false genrebench_has_phase=false genrebench_has_exec=false
for arg in "$@"; do
  case "$arg" in
    -Djavacpp.platform=*) genrebench_has_platform=true ;;
    exec:java) genrebench_has_exec=true ;;
    compile | process-classes | test-compile | test | package | verify | install) genrebench_has_phase=true ;;
  esac
done
if [ "$genrebench_has_exec" = true ]; then
  # exec:java runs GenreBench inside Maven's JVM: give it the SIMD (Vector API) module the HPSS median uses.
  MAVEN_OPTS="${MAVEN_OPTS-} --add-modules=jdk.incubator.vector"
  export MAVEN_OPTS
fi
if [ "$genrebench_has_exec" = true ] && [ "$genrebench_has_phase" = false ]; then
  # exec:java runs from target/classes but does not build it; a fresh clone has none.
  set -- -q compile "$@"
fi
if [ "$genrebench_has_platform" = false ]; then
  set -- "-Djavacpp.platform=$(genrebench_javacpp_platform)" "$@"
fi
