"""The bound for curation throughput (issue #3), as a plain Python loop: walk bronze, read and
gunzip every snapshot, nothing else. Prints: files, raw bytes, seconds."""
import os, sys, time, zlib

def walk(folder, totals):
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name[0] in "._":
                continue
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path, totals)
            elif entry.name.endswith(".json.gz"):
                with open(entry.path, "rb") as f:
                    raw = zlib.decompress(f.read(), 31)
                totals[0] += 1
                totals[1] += len(raw)

totals = [0, 0]
start = time.perf_counter()
walk(sys.argv[1], totals)
print(totals[0], totals[1], "%.3f" % (time.perf_counter() - start))
