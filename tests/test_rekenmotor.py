"""The spreadsheet engine leaves nothing behind: no LibreOffice process after an interrupted
run, and the cached profile serves several runs."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


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


def test_several_workbooks_share_out_over_processes_and_come_back_in_order(root, tmp_path, libreoffice, monkeypatch):
    from budgets.excel import rekenmotor
    from budgets.werkboek.genereer import generate

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    books = [generate(root / f"samples/{sample}/begroting.yaml", tmp_path / f"{i}.xlsx").werkmap
             for i, sample in enumerate(["werkom", "rivierenland", "werkom"])]
    with rekenmotor.start_recalculation(books) as pending:
        values = [pending.values(i) for i in range(3)]
    assert values[0] == values[2] != values[1]
    assert values[1] == rekenmotor.recalculate_with_libreoffice(books[1])
    assert len(list((tmp_path / "cache" / "productbegroting").iterdir())) == rekenmotor._parallel(3)


def test_a_failure_while_libreoffice_works_leaves_nothing_behind(root, tmp_path, libreoffice, monkeypatch):
    from budgets.excel import rekenmotor

    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    workbook = root / "xl/templates/begroting-sjabloon.xlsx"
    with pytest.raises(RuntimeError), rekenmotor.start_recalculation([workbook] * 3) as pending:
        assert processes_mentioning(str(cache))
        raise RuntimeError
    assert processes_mentioning(str(cache)) == []
    assert not pending._outdir.exists()
