"""The lake the reader tests share: made once per session by the real binary, `goodair demo` on its
built-in simulator (collect, curate, aggregate)."""
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("GOODAIR_BIN", os.path.join(ROOT, ".build", "debug", "goodair"))
# The demo's clock: three days across a month boundary (July 30 – August 1), so gold's month
# partitions and the events that cross them are exercised.
NOW = "2026-08-01T10:20:00Z"


@pytest.fixture(scope="session")
def lake(tmp_path_factory):
    root = tmp_path_factory.mktemp("lake")
    os.makedirs(root / "reference")
    with open(os.path.join(ROOT, "lake", "reference", "cities.csv"), "rb") as src, open(root / "reference" / "cities.csv", "wb") as dst:
        dst.write(src.read())
    subprocess.run([BIN, "demo", "--days", "3", "--lake", str(root), "--schemas", os.path.join(ROOT, "schemas"),
                    "--now", NOW], check=True, cwd=ROOT, capture_output=True)
    return root


def run(*args):
    """Runs the binary; returns the completed process (stdout and stderr captured as text)."""
    return subprocess.run([BIN, *args], cwd=ROOT, capture_output=True, text=True)
