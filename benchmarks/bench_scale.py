"""Throughput of the local engine and the Dask engine with 1 and 2 workers, and each worker's peak RSS.

    .venv/bin/python benchmarks/bench_scale.py [--data ../shared/data] [--limit 400]

Reads N articles of news/bbc_2225 (spread over its categories), runs them through
`runner.run_to_file` with --workers 1 and 2, then through `scale.run_dask` on a LocalCluster of 1
and 2 single-threaded workers, and prints articles/s and the ratio to one worker.

What the times include: a local run builds its pipeline(s) inside the timed run (in parallel, one
per worker process), as `newsfacts extract --workers N` does. A Dask run is timed after the cluster
has started and each worker has built its pipeline (a long-lived cluster is how Dask is used); the
start-up is printed separately. Peak RSS: for Dask, each worker's own getrusage; for the local
engine, the largest RSS of each process sampled every 50 ms with psutil. "cores used" is the
workers' CPU seconds over the wall time: on a machine shared with other work, a ratio below 2 with
fewer than 2 cores used means the cores were not free, not that the engine did not scale.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import tempfile
import threading
import time
from pathlib import Path

import psutil

from newsfacts import runner, scale

REPO = Path(__file__).resolve().parents[1]


class RssSampler:
    """The largest RSS seen for this process and each of its descendants while running."""

    def __init__(self, interval: float = 0.05):
        self.interval = interval
        self.peaks: dict[int, int] = {}
        self.cpu: dict[int, float] = {}  # CPU seconds (user + system) by process, at the last sample
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            for process in [me, *me.children(recursive=True)]:
                try:
                    rss = process.memory_info().rss
                    times = process.cpu_times()
                except psutil.Error:
                    continue
                self.cpu[process.pid] = times.user + times.system
                self.peaks[process.pid] = max(self.peaks.get(process.pid, 0), rss)
            self._stop.wait(self.interval)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def pick_articles(data: Path, limit: int) -> list[Path]:
    folder = data / "news" / "bbc_2225"
    files = sorted(p for p in folder.rglob("*.txt") if p.name.lower() != "readme.txt")
    if not files:
        raise SystemExit(f"no articles under {folder}: pass --data")
    step = max(1, len(files) // limit)
    return files[::step][:limit]


def code_stamp() -> int:
    return max(p.stat().st_mtime_ns for folder in (REPO / "src" / "newsfacts", REPO / "models")
               for p in folder.rglob("*") if p.is_file())


def mib(n: int) -> str:
    return f"{n / 2**20:.0f} MiB"


def bench_local(files: list[Path], workers: int, out: Path, batch_size: int) -> tuple[float, list[int], float]:
    options = runner.RunOptions(workers=workers, batch_size=batch_size)
    cpu_before = psutil.Process().cpu_times()
    with RssSampler() as sampler:
        started = time.perf_counter()
        summary = runner.run_to_file(files, out / f"local-{workers}.jsonl", options)
        seconds = time.perf_counter() - started
    assert summary.articles == len(files), summary
    me = os.getpid()
    peaks = [sampler.peaks[me]] if workers == 1 else [rss for pid, rss in sampler.peaks.items() if pid != me]
    cpu_after = psutil.Process().cpu_times()
    cpu = sum(v for pid, v in sampler.cpu.items() if pid != me)
    cpu += (cpu_after.user + cpu_after.system) - (cpu_before.user + cpu_before.system)
    return seconds, peaks, cpu


def bench_dask(files: list[Path], workers: int, out: Path, batch_size: int,
               partition_size: int) -> tuple[float, float, list[int], float]:
    from dask.distributed import Client

    started = time.perf_counter()
    with scale.local_cluster(workers) as cluster, Client(cluster) as client:
        client.run(scale.warm_worker, None, batch_size)  # every worker builds its pipeline now
        startup = time.perf_counter() - started
        started = time.perf_counter()
        cpu_before = sum(client.run(_cpu_seconds).values())
        summary = scale.run_dask(files, out / f"dask-{workers}", runner.RunOptions(batch_size=batch_size),
                                 client=client, partition_size=partition_size)
        seconds = time.perf_counter() - started
        cpu = sum(client.run(_cpu_seconds).values()) - cpu_before
        peaks = list(client.run(scale._peak_rss_bytes).values())
    assert summary.articles == len(files) and not summary.partitions_failed, summary
    return startup, seconds, peaks, cpu


def _cpu_seconds() -> float:
    times = psutil.Process().cpu_times()
    return times.user + times.system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--partition-size", type=int, default=20)
    parser.add_argument("--engines", default="local,dask")
    args = parser.parse_args()

    code_at_start = code_stamp()
    files = pick_articles(args.data, args.limit)
    print(f"{len(files)} articles from {args.data / 'news' / 'bbc_2225'}; {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.1f} (other users share these cores)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        outputs = {}
        if "local" in args.engines:
            base = None
            for workers in (1, 2):
                seconds, peaks, cpu = bench_local(files, workers, out, args.batch_size)
                rate = len(files) / seconds
                base = base or rate
                outputs[f"local-{workers}"] = (out / f"local-{workers}.jsonl").read_bytes()
                print(f"local  workers={workers}: {rate:6.1f} articles/s  ratio {rate / base:.2f}  "
                      f"({seconds:.1f} s incl. pipeline load; {cpu / seconds:.2f} cores used, "
                      f"{cpu / len(files):.2f} CPU s/article)  peak RSS per worker: "
                      f"{', '.join(mib(p) for p in peaks)}")
        if "dask" in args.engines:
            base = None
            for workers in (1, 2):
                startup, seconds, peaks, cpu = bench_dask(files, workers, out, args.batch_size, args.partition_size)
                rate = len(files) / seconds
                base = base or rate
                folder = out / f"dask-{workers}"
                outputs[f"dask-{workers}"] = b"".join(p.read_bytes() for p in scale.iter_part_files(folder))
                print(f"dask   workers={workers}: {rate:6.1f} articles/s  ratio {rate / base:.2f}  "
                      f"({seconds:.1f} s; {cpu / seconds:.2f} cores used, {cpu / len(files):.2f} CPU s/article; "
                      f"cluster start + pipeline load {startup:.1f} s before)  "
                      f"peak RSS per worker: {', '.join(mib(p) for p in peaks)}")
        same = len(set(outputs.values())) == 1
        edited = code_stamp() != code_at_start
        print(f"records identical across all runs: {same}"
              f"{' (newsfacts code or models were edited during the benchmark)' if edited else ''}")
        if not same:
            for name, output in outputs.items():
                print(f"  {name}: {len(output.splitlines())} records, sha256 {hashlib.sha256(output).hexdigest()[:12]}")


if __name__ == "__main__":
    main()
