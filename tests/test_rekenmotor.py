"""The spreadsheet engine leaves nothing behind: no LibreOffice process after an interrupted
run, and the cached profile serves several runs."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def processes_mentioning(text: str) -> list[int]:
    """Pids of running processes whose command line contains text (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in command and str(os.getpid()) != entry.name:
            found.append(int(entry.name))
    return found


def test_a_terminated_check_leaves_no_libreoffice_behind(root, tmp_path, libreoffice):
    cache = tmp_path / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    command = [sys.executable, "-m", "budgets.cli", "genereer", str(root / "samples/rivierenland/begroting.yaml"),
               "-o", str(tmp_path / "r.xlsx")]
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not [p for p in processes_mentioning(str(cache)) if p != child.pid] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert processes_mentioning(str(cache)), "LibreOffice started"
    child.send_signal(signal.SIGTERM)
    child.wait(timeout=30)
    time.sleep(0.5)
    assert processes_mentioning(str(cache)) == []
    assert child.returncode == 128 + signal.SIGTERM
    assert not (tmp_path / "r.xlsx").exists()
    assert "Traceback" not in child.stderr.read()


def test_the_cached_profile_is_reused(root, tmp_path, libreoffice, monkeypatch):
    from budgets.excel import rekenmotor

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    workbook = root / "xl/templates/begroting-sjabloon.xlsx"
    rekenmotor.recalculate_with_libreoffice(workbook)
    profiles = list((tmp_path / "productbegroting").iterdir())
    assert len(profiles) == 1 and (profiles[0] / "user" / "registrymodifications.xcu").exists()
    rekenmotor.recalculate_with_libreoffice(workbook)
    assert list((tmp_path / "productbegroting").iterdir()) == profiles
