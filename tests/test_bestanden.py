"""Output transactions clean up after runs that were killed outright (SIGKILL, power cut)."""

import subprocess
import sys

from budgets.bestanden import STAGING_PREFIX, Uitvoer, staged_files


def test_the_next_run_removes_what_a_killed_run_left_and_spares_a_running_one(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        abandoned = tmp_path / f"{STAGING_PREFIX}{dead}-x1.tmp"
        running = tmp_path / f"{STAGING_PREFIX}{alive.pid}-x2.tmp"
        for folder in (abandoned, running):
            folder.mkdir()
            (folder / "half.xlsx").write_bytes(b"half")
        with Uitvoer({}, False) as uit:
            uit.add(tmp_path / "nieuw.json", "samenvatting").write_text("{}", encoding="utf-8")
        assert (tmp_path / "nieuw.json").read_text(encoding="utf-8") == "{}"
        assert staged_files(tmp_path) == [running]
    finally:
        alive.kill()
        alive.wait()
