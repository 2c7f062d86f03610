"""The project's own classifier heads: where they are found and how a report names them.

A head is a small ``.npz`` of plain arrays (no pickle) trained by a script in
``benchmarks/`` on a team-written set in ``datasets/`` and applied with NumPy only. One
resolver for all of them: ``$<ENV>`` -> ``models/<name>/<file>`` -> a clear error that lists
both places and the command that trains the head.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from meetinglens.errors import ModelNotFoundError
from meetinglens.model import ModelInfo

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"


def find_head(name: str, env: str, default: Path, train: str = "") -> Path:
    """Path of head ``name``: ``$env`` if set, else ``default`` (in ``models/``)."""
    searched = []
    explicit = os.environ.get(env)
    if explicit:
        if Path(explicit).is_file():
            return Path(explicit)
        searched.append(f"${env}={explicit} (no such file)")
    else:
        searched.append(f"${env} (not set)")
    if default.is_file():
        return default
    searched.append(f"{default} (absent)")
    raise ModelNotFoundError(f"{name} ({default.name})", searched,
                             f"train it with: {train}" if train else "")


def head_info(name: str, path: str | Path, version: str) -> ModelInfo:
    """What a report records of a head file: name, path, version and SHA-256."""
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest() if path else ""
    return ModelInfo(name, str(path), version, digest)
