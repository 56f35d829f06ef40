# Shared by the bin/ scripts: find a JDK 25, read the JVM flags, build when needed.
# Sourced, not run.

CSPJOB_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# java_major JAVA_EXE: prints the feature version of that java (17, 25, ...), or nothing.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}

# find_jdk: sets JAVA_HOME to a JDK 25 or newer, or exits with one line saying how to get one.
# Order: $JAVA_HOME when it is one; the JDKs beside the default one (/usr/lib/jvm, /opt/java,
# SDKMAN); the java on PATH.
find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/* \
                   "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "cspjob: no JDK 25 found (looked at \$JAVA_HOME, /usr/lib/jvm, /opt/java, ~/.sdkman and PATH); install one (e.g. Temurin 25 from https://adoptium.net) and set JAVA_HOME to it." >&2
  exit 3
}

# jvm_flags: prints the JVM flags every cspjob JVM runs with (bin/jvm.properties).
jvm_flags() {
  sed -n 's/^jvm\.flags=//p' "$CSPJOB_HOME/bin/jvm.properties"
}

# maven ARGS...: runs Maven with the JDK that find_jdk chose.
maven() {
  command -v mvn >/dev/null 2>&1 || { echo "cspjob: Maven (mvn) is not on PATH; install Maven 3.8 or newer (apt install maven)." >&2; exit 3; }
  MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED" \
    mvn -f "$CSPJOB_HOME/pom.xml" -B -ntp -Dstyle.color=never "$@"
}

# ensure_built: builds the jars (tests skipped) when they are missing or older than a source.
ensure_built() {
  local stamp="$CSPJOB_HOME/jobs/target/lib/.built"
  if [ ! -f "$stamp" ] || [ -n "$(find "$CSPJOB_HOME" -path "$CSPJOB_HOME/*/target" -prune -o \
        \( -path '*/src/main/*' -o -name pom.xml \) -newer "$stamp" -print -quit)" ]; then
    echo "cspjob: building (first run, or the sources changed) ..." >&2
    # copy-dependencies only adds: a jar a pom no longer names would stay on the classpath.
    rm -rf "$CSPJOB_HOME/jobs/target/lib"
    maven -q -DskipTests package >&2 || { echo "cspjob: the build failed; run 'bin/test' or 'mvn package' to see why." >&2; exit 3; }
    touch "$stamp"
  fi
}

# classpath: the jars bin/cspjob runs with.
classpath() {
  local cp="" jar
  for jar in "$CSPJOB_HOME"/jobs/target/lib/*.jar "$CSPJOB_HOME"/jobs/target/cspjob-jobs-*.jar; do
    case "$jar" in *-sources.jar|*-tests.jar) continue ;; esac
    cp="${cp:+$cp:}$jar"
  done
  printf '%s' "$cp"
}
