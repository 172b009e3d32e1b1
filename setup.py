"""Build hook: the catalogs live in messages/<lang>/ in the repository (*.ftl, and the safety
rules *.toml) and ship inside the package as coachbot/messages/<lang>/, so `pip install .`
works like `pip install -e .`.

Everything else is configured in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads messages/ from the checkout (coachbot/i18n.py)
        target = Path(self.build_lib) / "coachbot" / "messages"
        for src in sorted((ROOT / "messages").glob("*/*")):
            if src.suffix not in (".ftl", ".toml"):
                continue
            dst = target / src.parent.name / src.name
            dst.parent.mkdir(parents=True, exist_ok=True)
            self.copy_file(str(src), str(dst))


setup(cmdclass={"build_py": BuildWithCatalogs})
