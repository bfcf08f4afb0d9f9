#!/usr/bin/env bash
# JMH microbenchmark of the pure scoring code (io.shukei.tally, src/jmh/java): parsing stored sheets and
# tallying them under every policy, for 100, 1,000 and 10,000 sheets. The targets are about the whole
# service (bench/run.sh); this shows what the tally itself costs inside a report.
#
#   bash bench/tally.sh                                        # the full run (about 2 minutes)
#   bash bench/tally.sh TallyBenchmark -p units=100 -wi 1 -i 1 -w 1s -r 1s   # any JMH options
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- TallyBenchmark
./mvnw -B -q -Pjmh test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/jmh.classpath
java -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)" org.openjdk.jmh.Main "$@"
