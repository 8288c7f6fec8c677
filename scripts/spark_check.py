#!/usr/bin/env python3
"""claimdiff check with the per-source stage on Apache Spark.

    python3 scripts/spark_check.py SOURCES.jsonl [SOURCES.jsonl...] --out REPORT.csv
        [--partitions N] [--claimdiff BIN] [--rules DIR] [--claims-out FILE] [-- CHECK FLAGS...]

SOURCES.jsonl holds one source a line, `{"source", "text", "published"?, "outlet"?}` (what
`claimdiff text --format jsonl` writes). Spark splits the lines into N partitions and pipes each
partition through `claimdiff extract - --format jsonl` (read, clean, split, parse, extract: the
costly stage), the claims stream back to the driver, and `claimdiff check --claims` groups them
into stories and writes the report: byte for byte the report `claimdiff check SOURCES.jsonl`
writes on one machine. Flags after `--` go to `check` (`--story-threshold 0.25`, `--html
page.html`...).

Without a master set (`spark-submit --master ...` or `spark.master`), Spark runs in local mode
on every core. On a cluster, BIN and DIR must be paths that exist on every executor (install
the binary at the same place on each node, or ship it with `spark-submit --files` and name it
by its file name); see README.
"""
import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        at = argv.index("--")
        argv, extra = argv[:at], argv[at + 1:]
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("sources", nargs="+", help="JSONL sources (local paths, or any URL Spark reads)")
    p.add_argument("--out", required=True, help="the report (CSV), as `check --out`")
    p.add_argument("--partitions", type=int, default=0,
                   help="partitions of the sources (default: Spark's default parallelism)")
    p.add_argument("--claimdiff", default=None,
                   help="the claimdiff binary, at this path on every executor "
                        "(default: target/release/claimdiff of this checkout, else claimdiff on PATH)")
    p.add_argument("--rules", default=None,
                   help="rule folder for extract and check (default: claims/ here when it exists)")
    p.add_argument("--claims-out", default=None, help="keep the claims (JSONL) in this file")
    args = p.parse_args(argv)

    here = os.path.dirname(os.path.abspath(__file__))
    binary = args.claimdiff
    if binary is None:
        built = os.path.join(here, "..", "target", "release", "claimdiff")
        binary = built if os.path.exists(built) else shutil.which("claimdiff") or "claimdiff"
    binary = os.path.abspath(binary) if os.path.sep in binary else binary
    rules = args.rules
    if rules is None and os.path.isdir("claims"):
        rules = "claims"  # claimdiff's own default, made explicit for the executors
    rule_flags = ["--rules", os.path.abspath(rules)] if rules else []

    from pyspark.sql import SparkSession

    # Quiet: a failed partition is said in one line below (claimdiff's own message, naming the
    # line of the partition's stdin, comes first from the executor).
    builder = (SparkSession.builder.appName("claimdiff")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.log.level", "FATAL"))
    if not _submitted():
        # Run directly: local mode on every core, unless SPARK_MASTER names a cluster.
        builder = builder.master(os.environ.get("SPARK_MASTER", "local[*]"))
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    try:
        paths = ",".join(_url(s) for s in args.sources)
        parts = args.partitions or sc.defaultParallelism
        lines = sc.textFile(paths, minPartitions=parts).filter(lambda l: l.strip())
        if lines.getNumPartitions() < parts:
            lines = lines.repartition(parts)
        extract = shlex.join([binary, "extract", "-", "--format", "jsonl", *rule_flags])
        # checkCode: a partition whose extract fails (a bad record: exit 2) fails the job.
        claims = lines.pipe(extract, checkCode=True)
        keep = args.claims_out
        with tempfile.TemporaryDirectory() as tmp:
            path = keep or os.path.join(tmp, "claims.jsonl")
            n = 0
            with open(path, "w", encoding="utf-8") as f:
                # Streamed partition by partition: the driver holds one partition at a time.
                for line in claims.toLocalIterator():
                    f.write(line)
                    f.write("\n")
                    n += 1
            print(f"spark_check: {n} claims from {lines.getNumPartitions()} partitions",
                  file=sys.stderr)
            check = [binary, "check", "--claims", path, "--out", args.out, *rule_flags, *extra]
            return subprocess.run(check, check=False).returncode
    except Exception as e:  # a failed Spark job: one line, not a JVM stack trace
        code = "exited with" in str(e) or "Pipe function" in str(e)
        why = ("claimdiff extract failed on a partition (its message above names the line of "
               "that partition)") if code else (str(e).strip().splitlines() or [type(e).__name__])[0]
        print(f"spark_check: {why}", file=sys.stderr)
        return 2
    finally:
        spark.stop()


def _submitted():
    """Whether spark-submit launched us (then the master is its --master)."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


def _url(path):
    return path if "://" in path else "file://" + os.path.abspath(path)


if __name__ == "__main__":
    sys.exit(main())
