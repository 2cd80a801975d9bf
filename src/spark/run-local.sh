#!/usr/bin/env bash
# Runs the shaded jar (target-spark/genrebench-spark.jar, from `./mvnw -Pspark package`) as `spark-submit --master local[N]`
# does in client mode: the jar's main class on a JDK >= 21, Spark's jars on the class path, and the module flags
# that Spark's launcher adds (its JavaModuleOptions). For machines without a Spark distribution; with one, use
#   spark-submit --class org.genrebench.cli.GenreBench target-spark/genrebench-spark.jar <args...>
# Usage: src/spark/run-local.sh extract --engine spark --master 'local[2]' --data DIR --out DIR
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/target-spark/genrebench-spark.jar"
cp_file="$root/target-spark/spark-classpath.txt"
if [ ! -f "$jar" ]; then
  echo "error: $jar not found; build it with ./mvnw -Pspark package" >&2
  exit 2
fi
if [ ! -f "$cp_file" ]; then
  (cd "$root" && ./mvnw -q -Pspark dependency:build-classpath -DincludeScope=provided -Dmdep.outputFile="$cp_file" >&2)
fi
# The same JDK choice as ./mvnw (JAVA_HOME if it is >= 21, else the newest-found JDK >= 21).
java_home="$(cd "$root" && set -- && . .mvn/wrapper/genrebench-env.sh && printf '%s' "$JAVA_HOME")"
exec "$java_home/bin/java" -Xmx${GENREBENCH_DRIVER_MEMORY:-4g} -Djava.awt.headless=true \
  -XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "$jar:$(cat "$cp_file")" org.genrebench.cli.GenreBench "$@"
