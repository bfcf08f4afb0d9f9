#!/usr/bin/env python3
"""The benchmark's tables.

  table.py ROWS.jsonl OUT < META.json
      one run (meta on stdin, one JSON row per size): writes OUT.md and OUT.json, prints the markdown
  table.py --history HISTORY.md RESULT.json...
      appends one line per stored run (an OUT.json of the form above) to the history table, which it
      starts when HISTORY.md does not exist yet
"""
import json
import os
import sys


def ms(seconds):
    return None if seconds is None else seconds * 1000.0


def fmt(value, digits=1):
    return "–" if value is None else f"{value:,.{digits}f}"


def per(cpu_s, n):
    """CPU milliseconds per request."""
    return None if cpu_s is None or not n else cpu_s * 1000.0 / n


def ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


def starts(median, every):
    every = every or [median]
    return (f"{median:,.0f} ms" if len(every) == 1
            else f"median {median:,.0f} ms of {len(every)} starts ({', '.join(f'{t:,}' for t in every)})")


def derive(rows):
    """Adds the rates and ratios the tables show to each size's row; returns the growth 1,000 -> 10,000."""
    for r in rows:
        w = r["wrk"]
        seconds = w["duration_us"] / 1e6
        w["rate"] = w["requests"] / seconds if seconds else None
        ok = w["requests"] - w["errors"]["status"]
        w["ok_rate"] = ok / seconds if seconds else None
        r["ratios"] = {
            "submissions_vs_pgbench": ratio(w["ok_rate"], r["pgbench"]["tps"]),
            "report_cold_vs_sql": ratio(ms(r["report"]["cold_s"]), r["sql"]["warm_ms"]),
            "report_after_change_vs_sql": ratio(ms(r["report"].get("after_change_s")), r["sql"]["warm_ms"]),
            "report_warm_vs_sql": ratio(ms(r["report"]["warm_s"]), r["sql"]["warm_ms"]),
            "report_304_vs_sql": ratio(ms(r["report"]["if_none_match_s"]), r["sql"]["warm_ms"]),
        }

    by_n = {r["units"]: r for r in rows}
    growth = {}
    if 1000 in by_n and 10000 in by_n:
        a, b = by_n[1000], by_n[10000]
        growth = {
            "report_cold_10000_vs_1000": ratio(b["report"]["cold_s"], a["report"]["cold_s"]),
            "report_after_change_10000_vs_1000": ratio(b["report"].get("after_change_s"), a["report"].get("after_change_s")),
            "report_warm_10000_vs_1000": ratio(b["report"]["warm_s"], a["report"]["warm_s"]),
            "sql_10000_vs_1000": ratio(b["sql"]["warm_ms"], a["sql"]["warm_ms"]),
        }

    return growth


def render(meta, rows, growth):
    lines = []
    p = lines.append
    p(f"Run {meta['date']} at {meta['commit']}: {meta['cpus']} CPUs, {meta['mem_gib']} GiB, {meta['java']}, "
      f"PostgreSQL {meta['postgres']} ({meta['database']}); JVM options `{meta['java_opts']}`; "
      f"{meta['concurrency']} connections/clients on {meta['threads']} threads, {meta['duration']} per load run "
      f"after a {meta.get('warmup', '0s')} warm-up, {meta['repeats']} report repeats.")
    p("")
    p("| Leaf units | Service PUT/s | p50 ms | p99 ms | Non-2xx | pgbench tx/s | Service ÷ pgbench | Load avg (wrk; pgbench) |")
    p("|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        w, g = r["wrk"], r["pgbench"]
        p(f"| {r['units']:,} | {fmt(w['ok_rate'])} | {fmt(w['p50_us'] / 1000, 2)} | {fmt(w['p99_us'] / 1000, 2)} "
          f"| {w['errors']['status']} | {fmt(g['tps'])} | {fmt(r['ratios']['submissions_vs_pgbench'], 3)} "
          f"| {w['load_start']} → {w['load_end']}; {g['load_start']} → {g['load_end']} |")
    p("")
    windows = meta.get("warmup_windows") or []
    if windows:
        p(f"Warm-up before the first size (not measured), {len(windows)} window{'s' if len(windows) > 1 else ''} of up to {windows[0]['seconds']} s: "
          + ", ".join(fmt(w["rate"]) for w in windows) + " PUT/s at "
          + ", ".join(fmt(w["jvm_ms_per_put"], 2) for w in windows) + " ms of JVM CPU per PUT.")
        p("")
    p("CPU per stored sheet, from /proc (clock ticks of the service JVM and of every PostgreSQL process):")
    p("")
    p("| Leaf units | Service JVM ms/PUT | of it JIT compilers | PostgreSQL ms/PUT (service run) | wrk ms/PUT | PostgreSQL ms/tx (pgbench run) |")
    p("|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        w, g = r["wrk"], r["pgbench"]
        n_ok = w["requests"] - w["errors"]["status"]
        p(f"| {r['units']:,} | {fmt(per(w.get('service_cpu_s'), n_ok), 2)} | {fmt(per(w.get('jit_cpu_s'), n_ok), 3)} "
          f"| {fmt(per(w.get('postgres_cpu_s'), n_ok), 2)} "
          f"| {fmt(per(w.get('wrk_cpu_s'), w['requests']), 3)} | {fmt(per(g.get('postgres_cpu_s'), g.get('transactions')), 2)} |")
    p("")
    floor = meta.get("floor")
    if floor:
        f_put, f_live = floor["refused_put"], floor["liveness"]
        p(f"Without database work, same connections and duration: a PUT of a 24-answer sheet, refused (400) by "
          f"validation before any SQL, {fmt(f_put['requests'] / f_put['seconds'])}/s at "
          f"{fmt(per(f_put['service_cpu_s'], f_put['requests']), 3)} ms of JVM CPU each; `/q/health/live` "
          f"{fmt(f_live['requests'] / f_live['seconds'])}/s at {fmt(per(f_live['service_cpu_s'], f_live['requests']), 3)} ms "
          f"(wrk {fmt(per(f_put['wrk_cpu_s'], f_put['requests']), 3)} and "
          f"{fmt(per(f_live['wrk_cpu_s'], f_live['requests']), 3)} ms).")
        last = max(rows, key=lambda r: r["units"])
        w, g = last["wrk"], last["pgbench"]
        pg_tx = per(g.get("postgres_cpu_s"), g.get("transactions"))
        if g["tps"] and pg_tx is not None:
            rate = 0.6 * g["tps"]
            left = meta["cpus"] * 1000.0 / rate - pg_tx - per(w["wrk_cpu_s"], w["requests"])
            budget = {"rate_per_s": rate, "jvm_ms_per_sheet": left}
            floor["budget_at_60_percent"] = budget
            p(f"Budget at {last['units']:,} units: 60 % of pgbench is {fmt(rate)} sheets/s; {meta['cpus']} cores give "
              f"{fmt(meta['cpus'] * 1000.0 / rate, 3)} ms of CPU per sheet, PostgreSQL takes {fmt(pg_tx, 3)} ms "
              f"(its pgbench cost) and wrk {fmt(per(w['wrk_cpu_s'], w['requests']), 3)} ms, which leaves the JVM "
              f"{fmt(left, 3)} ms per stored sheet.")
        p("")
    p("| Leaf units | Report JSON bytes | Report cold ms | After a change ms | Report warm ms | If-None-Match ms (status) "
      "| Gzip bytes | Gzip first ms | Gzip warm ms "
      "| Raw SQL ms | Cold ÷ SQL | After a change ÷ SQL | Warm ÷ SQL | Report's own row query ms | Load avg |")
    p("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        rep, sql, rt = r["report"], r["sql"], r["ratios"]
        p(f"| {r['units']:,} | {rep['bytes']:,} | {fmt(ms(rep['cold_s']))} | {fmt(ms(rep.get('after_change_s')))} "
          f"| {fmt(ms(rep['warm_s']))} | {fmt(ms(rep['if_none_match_s']))} ({rep['if_none_match_status']}) "
          f"| {rep['gzip_bytes']:,} | {fmt(ms(rep['gzip_first_s']))} | {fmt(ms(rep['gzip_warm_s']))} | {fmt(sql['warm_ms'])} "
          f"| {fmt(rt['report_cold_vs_sql'], 2)} | {fmt(rt['report_after_change_vs_sql'], 2)} "
          f"| {fmt(rt['report_warm_vs_sql'], 2)} | {fmt(sql.get('report_rows_ms'))} "
          f"| {rep['load']} |")
    p("")
    if any(r.get("import") for r in rows):
        p("The organisation of each size came in as one CSV through the unit tree import: "
          + ", ".join(f"{r['units']:,} units in {fmt(r['import']['seconds'], 2)} s (load {r['import']['load']})"
                      for r in rows if r.get("import")) + ".")
        p("")
    if growth:
        p(f"Growth from 1,000 to 10,000 units (10× the units): report cold {fmt(growth['report_cold_10000_vs_1000'], 2)}×, "
          f"after a change {fmt(growth['report_after_change_10000_vs_1000'], 2)}×, "
          f"warm {fmt(growth['report_warm_10000_vs_1000'], 2)}×; raw SQL {fmt(growth['sql_10000_vs_1000'], 2)}×.")
        p("")
    plain = meta.get("startup_plain_ms")
    how = ("with the options and class-data archive of the build's target/quarkus-app/jvm.options, as the "
           "README's command and the container image start" if meta.get("startup_archive")
           else "without a class-data archive")
    p(f"Start-up to the first 200 of /q/health/ready (external database already running), {how}: "
      f"{starts(meta['startup_ms'], meta.get('startup_all_ms'))} (load avg {meta['startup_load']})"
      + (f"; the same options without the archive: "
         f"{starts(plain, meta.get('startup_plain_all_ms'))} (load avg {meta['startup_plain_load']})"
         if plain is not None else "") + f". Resident memory after the run: {meta['rss_kb'] / 1024:.0f} MB "
      f"(peak {meta['rss_peak_kb'] / 1024:.0f} MB). Load avg at the end: {meta['load_end']}.")
    return "\n".join(lines) + "\n"


HISTORY_HEADER = """# Benchmark runs

One line per run of `bench/run.sh` (not `--quick`), appended by the script itself from the run's JSON
result. Sizes are leaf units; values given per size are in the order of the sizes. The full tables of a
run are in its `.md` and `.json` under `bench/results/` (the latest full run: `latest.md`, earlier ones
in the git history of that file). Compare like with like: runs on this two-core machine differ by
about 10 % in throughput, more when the host is busy.

| Date (UTC) | Commit | Results | Load | Sizes | Stored sheets/s | pgbench tx/s | Service ÷ pgbench | p99 ms | Report ÷ SQL at the largest size, after a change / first | Start-up s, archived / plain | RSS MB |
|---|---|---|---|---|---|---|---|---|---|---|---|
"""


def history_line(result, name):
    """One line of the history table for a stored run (the JSON that OUT.json holds)."""
    meta, rows = result["meta"], result["sizes"]
    derive(rows)
    largest = max(rows, key=lambda r: r["units"])

    def each(value):
        return " / ".join(value(r) for r in rows)

    seconds = lambda value: "–" if value is None else f"{value / 1000:.2f}"
    archived = meta["startup_ms"] if meta.get("startup_archive") else None
    plain = meta.get("startup_plain_ms") if meta.get("startup_archive") else meta["startup_ms"]
    cells = [
        meta["date"].replace("T", " ")[:16],
        meta["commit"],
        name,
        f"{meta['concurrency']} × {meta['duration']} after {meta.get('warmup', '0s')}",
        each(lambda r: f"{r['units']:,}"),
        each(lambda r: fmt(r["wrk"]["ok_rate"], 0)),
        each(lambda r: fmt(r["pgbench"]["tps"], 0)),
        each(lambda r: fmt(r["ratios"]["submissions_vs_pgbench"], 3)),
        each(lambda r: fmt(r["wrk"]["p99_us"] / 1000, 1)),
        f"{fmt(largest['ratios']['report_after_change_vs_sql'], 2)} / {fmt(largest['ratios']['report_cold_vs_sql'], 2)}",
        f"{seconds(archived)} / {seconds(plain)}",
        f"{meta['rss_kb'] / 1024:.0f}",
    ]
    return "| " + " | ".join(cells) + " |\n"


def append_history(history, results):
    with open(history, "a") as f:
        if f.tell() == 0:
            f.write(HISTORY_HEADER)
        for path in results:
            with open(path) as r:
                f.write(history_line(json.load(r), os.path.basename(path).removesuffix(".json")))


def main(argv):
    if argv[1:2] == ["--history"]:
        append_history(argv[2], argv[3:])
        return
    meta = json.load(sys.stdin)
    rows = [json.loads(line) for line in open(argv[1]) if line.strip()]
    out = argv[2]
    growth = derive(rows)
    markdown = render(meta, rows, growth)
    with open(out + ".md", "w") as f:
        f.write(markdown)
    with open(out + ".json", "w") as f:
        json.dump({"meta": meta, "sizes": rows, "growth": growth}, f, indent=2)
        f.write("\n")
    print(markdown)


if __name__ == "__main__":
    main(sys.argv)
