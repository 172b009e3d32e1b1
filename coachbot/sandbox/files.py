"""The sandbox's file store: uploads in both directions, getFile, and the download route.

Why: documents (exports, imports) and photos (charts) travel through Telegram's file
API; keeping their bytes and identifiers here lets tests fetch what the bot sent.
"""

from __future__ import annotations

import itertools
import struct
from typing import Any

from .limits import MAX_DOWNLOAD, MAX_UPLOAD
from .models import ApiError, StoredFile
from .params import Params

__all__ = ["FileStore"]


class FileStore:
    """Files by file_id and by download path."""

    def __init__(self) -> None:
        self.by_id: dict[str, StoredFile] = {}
        self.by_path: dict[str, StoredFile] = {}
        self._counter = itertools.count(1)

    def store(
        self, data: bytes, filename: str | None, mime_type: str | None, folder: str
    ) -> StoredFile:
        n = next(self._counter)
        ext = ""
        if filename and "." in filename:
            ext = "." + filename.rsplit(".", 1)[1]
        elif folder == "photos":
            ext = ".jpg"
        stored = StoredFile(
            file_id=f"SBX{folder[:3].upper()}{n:06d}",
            file_unique_id=f"U{n:06d}",
            data=data,
            file_path=f"{folder}/file_{n}{ext}",
            filename=filename,
            mime_type=mime_type,
        )
        self.by_id[stored.file_id] = stored
        self.by_path[stored.file_path] = stored
        return stored

    def upload(self, params: Params, field: str, folder: str) -> StoredFile:
        """Resolve an uploaded part, ``attach://`` reference or known file_id."""
        ref = params.files.get(field)
        value = params.get_str(field)
        if ref is None and value and value.startswith("attach://"):
            ref = params.files.get(value[len("attach://") :])
        if ref is not None:
            data, filename, mime = ref
            if len(data) > MAX_UPLOAD:
                raise ApiError(413, "Request Entity Too Large")
            if not data:
                raise ApiError(400, "Bad Request: file must be non-empty")
            return self.store(data, filename=filename, mime_type=mime, folder=folder)
        if value and value in self.by_id:
            return self.by_id[value]
        if not value:
            raise ApiError(400, f"Bad Request: there is no {field} in the request")
        raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")

    def get_file(self, file_id: str) -> dict[str, Any]:
        """Telegram's ``File`` object for getFile."""
        stored = self.by_id.get(file_id)
        if stored is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        if len(stored.data) > MAX_DOWNLOAD:
            raise ApiError(400, "Bad Request: file is too big")
        return {
            "file_id": file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.file_path,
        }

    def media_fields(self, stored: StoredFile, kind: str) -> dict[str, Any]:
        """The ``photo`` (two sizes) or ``document`` part of a Message for a stored file."""
        size = len(stored.data)
        if kind == "photo":
            w, h = _png_size(stored.data) or (1280, 720)
            scale = min(1.0, 320 / max(w, h, 1))
            self.by_id[stored.file_id + "s"] = stored
            return {
                "photo": [
                    {
                        "file_id": stored.file_id + "s",
                        "file_unique_id": stored.file_unique_id + "s",
                        "width": max(1, int(w * scale)),
                        "height": max(1, int(h * scale)),
                        "file_size": size,
                    },
                    {
                        "file_id": stored.file_id,
                        "file_unique_id": stored.file_unique_id,
                        "width": w,
                        "height": h,
                        "file_size": size,
                    },
                ]
            }
        document: dict[str, Any] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": size,
        }
        if stored.filename:
            document["file_name"] = stored.filename
        if stored.mime_type:
            document["mime_type"] = stored.mime_type
        return {"document": document}


def _png_size(data: bytes) -> tuple[int, int] | None:
    """Width/height from a PNG header, so photo sizes look plausible for charts."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        w, h = struct.unpack(">II", data[16:24])
        return int(w), int(h)
    return None
