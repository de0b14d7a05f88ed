# Sourced by ./mvnw, ./platform and .ci/run: picks a JDK 25 when the current one is older.
# An explicit JAVA_HOME pointing at JDK 25+ always wins.
augenhoehe_java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
augenhoehe_pick_jdk() {
  local java_bin="${JAVA_HOME:+$JAVA_HOME/bin/java}"
  [ -n "$java_bin" ] || java_bin=$(command -v java || true)
  if [ -n "$java_bin" ] && [ "$(augenhoehe_java_major "$java_bin")" -ge 25 ] 2>/dev/null; then
    # scripts that run a plain "java" must get this one, not an older one first on the PATH
    if [ -n "${JAVA_HOME:-}" ]; then export PATH="$JAVA_HOME/bin:$PATH"; fi
    return 0
  fi
  local candidate
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/*2[6-9]* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(augenhoehe_java_major "$candidate/bin/java")" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"; export PATH="$JAVA_HOME/bin:$PATH"; return 0
    fi
  done
  echo "No JDK 25 found: set JAVA_HOME to a JDK 25 or newer." >&2
  return 1
}
augenhoehe_pick_jdk
