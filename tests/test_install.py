"""A real install: build the wheel, install it into a fresh virtual environment (not editable, run
from a folder without the source), and use it the way the README's "Running it for real" does.

The wheel goes in with --no-deps and the fresh venv borrows the dependencies of the venv running
the tests (a .pth line): what is tested is the package itself (is every file it needs inside it?),
without downloading matplotlib again, which took ~10 minutes on a loaded machine. Still slow
(a wheel build), but in the default run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from support.harness import TEST_TOKEN

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.slow, pytest.mark.subprocess, pytest.mark.timeout(900)]


def run(*cmd: str | Path, cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None,
        timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, input=stdin, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """bin/ of a fresh venv holding the wheel built from this checkout."""
    tmp = tmp_path_factory.mktemp("install")
    dist = tmp / "dist"
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, ROOT, cwd=tmp)
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = dist.glob("coachbot-*.whl")
    venv = tmp / "venv"
    assert run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp).returncode == 0
    site = Path(run(venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                    cwd=tmp).stdout.strip())
    (site / "_borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip = run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "-q", "--no-deps",
              wheel, cwd=tmp)
    assert pip.returncode == 0, pip.stderr[-2000:]
    return venv / "bin"


def clean_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACHBOT_", "PYTHON"))}
    return {**env, "HOME": str(tmp), "MPLCONFIGDIR": str(tmp / "mpl")}


def test_the_wheel_ships_catalogs_and_fonts(installed: Path, tmp_path: Path) -> None:
    code = ("import coachbot, coachbot.i18n as i, coachbot.pdf as p; print(coachbot.__file__);"
            " print(i.messages_dir()); print(sorted(f.name for f in p.FONT_DIR.iterdir()));"
            " pdf = p.render_pdf(p.PdfContent('Отчёт', 'informe', (p.Section('Ω', ('подёргивания',)),), '-'), None);"
            " print(pdf[:5])")
    out = run(installed / "python", "-c", code, cwd=tmp_path, env=clean_env(tmp_path))
    assert out.returncode == 0, out.stderr
    package, messages, fonts, pdf = out.stdout.splitlines()
    assert pdf == "b'%PDF-'", "a report in any alphabet renders with the packaged font"
    assert "site-packages" in package and str(ROOT) not in package, "the installed copy, not the checkout"
    assert messages.endswith("site-packages/coachbot/messages")
    assert "DejaVuSans.ttf" in fonts and "DejaVuSans-Bold.ttf" in fonts and "LICENSE-DejaVu.txt" in fonts


def test_check_config_and_a_scripted_chat_from_the_installed_package(installed: Path, tmp_path: Path) -> None:
    env = {**clean_env(tmp_path), "COACHBOT_TOKEN": TEST_TOKEN}
    check = run(installed / "coachbot", "check-config", cwd=tmp_path, env=env)
    assert check.returncode == 0 and check.stdout.startswith("ok: "), check
    script = "/start\n1\nLisbon\n3\n3\n3\n/water 250\n"
    chat = run(installed / "coachbot", "chat", "--db", tmp_path / "chat.sqlite3", cwd=tmp_path, env=env,
               stdin=script, timeout=600)
    assert chat.returncode == 0, chat.stderr[-3000:]
    assert "All set!" in chat.stdout
    assert "250" in chat.stdout
    assert "Traceback" not in chat.stdout
    assert "KeyError" not in chat.stdout + chat.stderr and "Traceback" not in chat.stderr


def test_check_config_names_a_missing_or_broken_catalog_in_one_line(installed: Path, tmp_path: Path) -> None:
    site = Path(run(installed / "python", "-c", "import coachbot, os; print(os.path.dirname(coachbot.__file__))",
                    cwd=tmp_path, env=clean_env(tmp_path)).stdout.strip())
    catalog = site / "messages" / "es" / "data.ftl"
    original = catalog.read_text(encoding="utf-8")
    env = {**clean_env(tmp_path), "COACHBOT_TOKEN": TEST_TOKEN}
    try:
        catalog.write_text(original + "\nthis is = { not valid fluent\n", encoding="utf-8")
        broken = run(installed / "coachbot", "check-config", cwd=tmp_path, env=env)
        catalog.unlink()
        missing = run(installed / "coachbot", "check-config", cwd=tmp_path, env=env)
    finally:
        catalog.write_text(original, encoding="utf-8")
    assert broken.returncode == 2 and len(broken.stderr.splitlines()) == 1, broken
    assert "es/data.ftl: syntax error" in broken.stderr
    assert missing.returncode == 2 and len(missing.stderr.splitlines()) == 1, missing
    assert "catalog 'es'" in missing.stderr and "lacks" in missing.stderr
    rules = site / "messages" / "ru" / "safety-rules.toml"
    text = rules.read_text(encoding="utf-8")
    try:
        rules.unlink()
        no_rules = run(installed / "coachbot", "check-config", cwd=tmp_path, env=env)
    finally:
        rules.write_text(text, encoding="utf-8")
    assert no_rules.returncode == 2 and len(no_rules.stderr.splitlines()) == 1, no_rules
    assert "safety-rules.toml" in no_rules.stderr
