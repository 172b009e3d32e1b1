"""mypy (configured in pyproject.toml: the whole package, strict on domain/) passes.

.ci/run runs it too; this test makes `pytest` alone catch a type error before landing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.subprocess
def test_mypy_finds_no_type_errors() -> None:
    pytest.importorskip("mypy", reason="pip install -e '.[test]' adds mypy")
    proc = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]


def test_no_test_imports_conftest() -> None:
    """Helpers live in tests/support (`from support.harness import …`); conftest holds fixtures only."""
    offenders = [p.name for p in (ROOT / "tests").rglob("*.py")
                 if any(line.lstrip().startswith(("from conftest import", "import conftest"))
                        for line in p.read_text(encoding="utf-8").splitlines())]
    assert offenders == [], f"import from tests/support instead of conftest: {offenders}"
