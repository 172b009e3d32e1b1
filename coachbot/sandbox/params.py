"""Bot API request parameters: form, multipart or JSON, read into one typed accessor."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from .models import ApiError

__all__ = ["Params", "read_params"]

Upload = tuple[bytes, str | None, str | None]  # data, filename, content type


class Params:
    """Typed access to form/multipart/JSON request parameters (all arrive as strings)."""

    def __init__(self, values: dict[str, Any], files: dict[str, Upload]) -> None:
        self.values = values
        self.files = files

    def get_str(self, name: str) -> str | None:
        v = self.values.get(name)
        if v is None:
            return None
        return v if isinstance(v, str) else json.dumps(v)

    def get_int(self, name: str, default: int | None = None) -> int | None:
        v = self.values.get(name)
        if v is None or v == "":
            return default
        try:
            return int(v)
        except (TypeError, ValueError):
            raise ApiError(400, f"Bad Request: invalid {name} specified") from None

    def get_float(self, name: str, default: float = 0.0) -> float:
        v = self.values.get(name)
        if v is None or v == "":
            return default
        try:
            return float(v)
        except (TypeError, ValueError):
            raise ApiError(400, f"Bad Request: invalid {name} specified") from None

    def get_bool(self, name: str) -> bool:
        v = self.values.get(name)
        if isinstance(v, str):
            return v.lower() in ("true", "1")
        return bool(v)

    def get_json(self, name: str) -> Any:
        v = self.values.get(name)
        if isinstance(v, str):
            try:
                return json.loads(v)
            except ValueError:
                raise ApiError(400, f"Bad Request: can't parse {name} JSON object") from None
        return v

    def chat_id(self) -> int | None:
        v = self.values.get("chat_id")
        if v is None:
            return None
        try:
            return int(v)
        except (TypeError, ValueError):
            return None


async def read_params(request: web.Request) -> Params:
    """Query string plus JSON body or form fields; file parts go to ``files``."""
    values: dict[str, Any] = dict(request.query)
    files: dict[str, Upload] = {}
    if request.content_type == "application/json":
        body = await request.json()
        if isinstance(body, dict):
            values.update(body)
    elif request.can_read_body:
        form = await request.post()
        for key, val in form.items():
            if isinstance(val, web.FileField):
                files[key] = (val.file.read(), val.filename, val.content_type)
            else:
                values[key] = val
    return Params(values, files)
