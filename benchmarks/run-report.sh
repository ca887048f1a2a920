#!/usr/bin/env bash
# Runs the scenario runner on every reference workload, once per JDK given, as the README's tables were made.
# Usage, from the repository root:  benchmarks/run-report.sh [JAVA_HOME ...]   (default: the java on the PATH)
# The reference files are read from $WORKLOADS (default ../shared/bench/workloads); without them the module's
# own generator makes the same shapes. Results go to benchmarks/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -pl benchmarks -am package -DskipTests

workloads_dir="${WORKLOADS:-../shared/bench/workloads}"
names=(sleepy-200 sleepy-mixed-300 sleepy-wide-2000 chain-1000 layered-80 layered-240 layered-1000 layered-10000
	wide-10000 layered-100000)
workloads=()
for name in "${names[@]}"; do
	if [ -f "$workloads_dir/$name.txt" ]; then
		workloads+=("$workloads_dir/$name.txt")
	else
		workloads+=("$name")
	fi
done

homes=("$@")
[ ${#homes[@]} -gt 0 ] || homes=("")
for home in "${homes[@]}"; do
	java="${home:+$home/bin/}java"
	echo "== $("$java" -version 2>&1 | head -n 1); load: $(cut -d' ' -f1-3 /proc/loadavg)"
	"$java" -Xmx8g -cp benchmarks/target/benchmarks.jar dev.bandmaster.benchmarks.runner.ScenarioRunner \
		--runs "${RUNS:-5}" "${workloads[@]}"
	# The starter's overhead: 1000 no-op @BandService beans against the same context with 1000 plain beans
	# (without, then with, Spring Boot's configuration properties infrastructure).
	"$java" -Xmx8g -cp benchmarks/target/benchmarks.jar dev.bandmaster.benchmarks.runner.ScenarioRunner \
		--runs 15 --warmups 10 --contenders bandmaster,bandmaster-starter,spring-depends-on,spring-depends-on-boot wide-10 wide-1000 layered-1000
	echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
