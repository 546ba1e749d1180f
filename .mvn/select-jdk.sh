# Sourced by ./mvnw: makes sure Maven, javac, the tests and the example run on a JDK >= 21.
# Keeps JAVA_HOME when it is already new enough; otherwise picks the newest JDK >= 21 from the
# usual places, or stops with a message saying what to install.
aether_required_jdk=${AETHER_REQUIRED_JDK:-21}

aether_java_major() { # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

aether_select_jdk() {
  local candidate best="" best_major=0 major
  for candidate in "${JAVA_HOME:-}" $(env | sed -n 's/^JAVA[0-9]*_HOME=//p') \
      /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(aether_java_major "$candidate/bin/java")
    [ -n "$major" ] || continue
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$major" -ge "$aether_required_jdk" ]; then
      return 0 # the user's choice is good enough
    fi
    if [ "$major" -ge "$aether_required_jdk" ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "Aether needs a JDK $aether_required_jdk or newer, and none was found (looked at JAVA_HOME, JAVAxx_HOME," >&2
    echo "/usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks and the java on PATH)." >&2
    echo "Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+ from adoptium.net, or set JAVA_HOME to it." >&2
    exit 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}

aether_select_jdk

# Maven's own Guice calls sun.misc.Unsafe, which JDK 24+ warns about on every run.
if [ "$(aether_java_major "${JAVA_HOME:+$JAVA_HOME/bin/}java")" -ge 24 ] 2>/dev/null; then
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
