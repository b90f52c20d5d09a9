# Shared by the benches: sourced, not run. Expects $work (a scratch directory) and the repository as the working
# directory when install_plugin runs.

# the plugin, installed into a private local repository that reads everything else from the developer's one
mvn_args=(-B -o -Dmaven.repo.local="$work/repo" -Dmaven.repo.local.tail="$HOME/.m2/repository")
version=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -1)
install_plugin() {
    ./mvnw "${mvn_args[@]}" -q install -DskipTests -Dinvoker.skip > "$work/install.log" \
        || { tail -30 "$work/install.log"; exit 1; }
}
# Maven with a time on every log line, which goal_seconds reads
timed_mvn=("$PWD/mvnw" "${mvn_args[@]}" -Dorg.slf4j.simpleLogger.showDateTime=true
           -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS)

seconds() { # runs "$@" in $crate, output to $work/out; prints its wall time in seconds, its CPU seconds to $work/cpu
    (cd "$crate" && /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" > "$work/out" 2>&1) || { tail -30 "$work/out" >&2; exit 1; }
    tail -1 "$work/time" | awk '{ printf "%.2f", $2 + $3 }' > "$work/cpu"
    tail -1 "$work/time" | awk '{ print $1 }'
}
# the seconds between the start of each goal (of rustwheel, or of the warm-floor plugin) and the next line that starts
# something, from a log with times
goal_seconds() { # $1: log, $2...: goals; prints their summed duration
    awk -v goals=" ${*:2} " '
        function t(s) { split(s, p, ":"); return p[1] * 3600 + p[2] * 60 + p[3] }
        /^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]+/ && (/ --- / || /BUILD SUCCESS/) {
            if (current != "") { total += t($1) - start; current = "" }
            if (match($0, /--- (rustwheel|warm-floor):[^:]+:[a-z]+/)) {
                g = substr($0, RSTART, RLENGTH); sub(/.*:/, "", g)
                if (index(goals, " " g " ")) { current = g; start = t($1) }
            }
        }
        END { printf "%.3f", total }' "$1"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
load() { awk '{ print "load " $1 }' /proc/loadavg; }
# every goal the wheel packaging binds, as far as verify
all_goals=(wheelhouse compile stage repair package test finalize)

# machine-code-like bytes: the machine's own shared libraries concatenated (deflate ratio about 0.33), cut to size
library_bytes() { # $1: MiB, $2: the file to write
    find -L /usr/lib/x86_64-linux-gnu -maxdepth 1 -name '*.so*' -type f | sort > "$work/sources"
    : > "$2"
    while [ "$(stat -c %s "$2")" -lt "$(($1 << 20))" ]; do
        xargs cat < "$work/sources" >> "$2"
    done
    truncate -s "$(($1 << 20))" "$2"
}
