"""Draw charts and PDFs in a short-lived child process, so matplotlib and fpdf never stay in the bot.

matplotlib, numpy and fpdf2 take about 75 MB once imported, and Python never gives
imported modules back. The bot itself stays small by running each drawing in a fresh
`python -m coachbot.render` that imports only what that drawing needs and exits when
it is done: the memory is returned to the system as soon as the picture is sent.
One drawing at a time (`max_parallel`), so ten people asking for a report at once
cost one child's memory, not ten. `isolate=False` draws in a worker thread of the
bot instead (a few tests; the libraries then stay loaded).

The parent sends `(target, args, kwargs)` pickled on the child's stdin, where
`target` is "module:function"; the child answers with the pickled result, or
exits non-zero with the error on stderr. Only our own code is on either end.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import pickle
import sys
import warnings
from typing import Any

log = logging.getLogger(__name__)

# Optional imports a child skips, per module of the target: fpdf2 uses numpy only to speed up some
# image formats, and without it the PDF child peaks about 12 MB lower (72 instead of 84 MB);
# matplotlib registers its 3-D axes on import (about 1 MB) and carries on without them.
SKIP_OPTIONAL = {"coachbot.pdf": ("numpy",), "coachbot.charts": ("mpl_toolkits.mplot3d",)}

# Seconds a drawing may take before the child is killed (a chart takes ~0.5 s, a cold import ~1 s).
TIMEOUT_S = 60.0


class RenderError(RuntimeError):
    """The child process failed or took too long; the message says how."""


def resolve(target: str) -> Any:
    """The function named "package.module:function"."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


class Renderer:
    """Runs drawing functions off the event loop: in a child process (default) or a worker thread."""

    def __init__(self, *, isolate: bool = True, max_parallel: int = 1, timeout_s: float = TIMEOUT_S) -> None:
        self.isolate = isolate
        self.timeout_s = timeout_s
        self._slots = asyncio.Semaphore(max_parallel)
        self.children = 0  # child processes started (tests and benchmarks read it)

    async def __call__(self, target: str, *args: Any, **kwargs: Any) -> Any:
        """The result of `target(*args, **kwargs)`, computed without blocking the bot."""
        async with self._slots:
            if not self.isolate:
                return await asyncio.to_thread(resolve(target), *args, **kwargs)
            return await self._in_child(target, args, kwargs)

    async def _in_child(self, target: str, args: tuple, kwargs: dict[str, Any]) -> Any:
        payload = pickle.dumps((target, args, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "coachbot.render", stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        self.children += 1
        try:
            out, err = await asyncio.wait_for(proc.communicate(payload), self.timeout_s)
        except TimeoutError:
            proc.kill()
            await proc.wait()
            raise RenderError(f"{target} took longer than {self.timeout_s:.0f} s") from None
        except asyncio.CancelledError:
            if proc.returncode is None:
                proc.kill()
            raise
        if proc.returncode != 0:
            last = err.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
            raise RenderError(f"{target} failed in the child (exit {proc.returncode}): {last[0]}")
        return pickle.loads(out)  # safe: written by our own child process


def child_main() -> int:
    """Read one job from stdin, write its pickled result to stdout."""
    target, args, kwargs = pickle.loads(sys.stdin.buffer.read())  # safe: sent by the bot itself
    for module in SKIP_OPTIONAL.get(target.partition(":")[0], ()):
        sys.modules[module] = None  # type: ignore[assignment]  # `import module` now raises ImportError
    warnings.filterwarnings("ignore", message="Unable to import Axes3D")   # matplotlib, on the skip above
    result = resolve(target)(*args, **kwargs)
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(child_main())
