"""How long importing a 60-minute transcript takes, per format.

Builds a ~60-minute meeting by repeating samples/discovery-call.vtt with shifted times,
writes it as Zoom VTT, Teams VTT (write_vtt), SRT, stamped text and whisper JSON in a
temporary folder, then times load_meeting (parse + participants + side inference), best of
5 runs. Run: .venv/bin/python benchmarks/import_speed.py
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from meetinglens.io import load_meeting, write_vtt
from meetinglens.io.vtt import _vtt_time

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "discovery-call.vtt"
PARTICIPANTS = ROOT / "samples" / "discovery-call.participants.yaml"
TARGET_SECONDS = 3600
RUNS = 5


def long_cues() -> list[tuple[str, float, float, str]]:
    m = load_meeting(SAMPLE)
    cues, offset = [], 0.0
    while offset < TARGET_SECONDS:
        cues += [(u.speaker, u.start + offset, u.end + offset, u.text) for u in m.utterances]
        offset += m.duration + 5
    return cues


def write_all(folder: Path, cues) -> dict[str, Path]:
    zoom = ["WEBVTT", ""] + [f"{i}\n{_vtt_time(s)} --> {_vtt_time(e)}\n{n}: {t}\n"
                             for i, (n, s, e, t) in enumerate(cues, 1)]
    srt = [f"{i}\n{_vtt_time(s).replace('.', ',')} --> {_vtt_time(e).replace('.', ',')}\n"
           f"{n}: {t}\n" for i, (n, s, e, t) in enumerate(cues, 1)]
    text = [f"[{int(s) // 3600:02d}:{int(s) % 3600 // 60:02d}:{int(s) % 60:02d}] {n}: {t}"
            for n, s, e, t in cues]
    whisper = {"language": "en", "segments": [
        {"id": i, "start": s, "end": e, "text": " " + t, "speaker": n}
        for i, (n, s, e, t) in enumerate(cues)]}
    files = {"zoom-vtt": folder / "long.vtt", "srt": folder / "long.srt",
             "text": folder / "long.txt", "whisper-json": folder / "long.json"}
    files["zoom-vtt"].write_text("\n".join(zoom), encoding="utf-8")
    files["srt"].write_text("\n".join(srt), encoding="utf-8")
    files["text"].write_text("\n".join(text) + "\n", encoding="utf-8")
    files["whisper-json"].write_text(json.dumps(whisper), encoding="utf-8")
    files["teams-vtt"] = folder / "long-teams.vtt"
    files["teams-vtt"].write_text(write_vtt(load_meeting(files["zoom-vtt"])), encoding="utf-8")
    return files


def main() -> int:
    cues = long_cues()
    print(f"meeting: {len(cues)} utterances, {cues[-1][2] / 60:.1f} min, "
          f"{sum(len(c[3].split()) for c in cues)} words")
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in write_all(Path(tmp), cues).items():
            times = []
            for _ in range(RUNS):
                t0 = time.perf_counter()
                m = load_meeting(path, participants=PARTICIPANTS)
                times.append(time.perf_counter() - t0)
            print(f"{name:13s} load_meeting best {min(times) * 1000:7.1f} ms  "
                  f"median {statistics.median(times) * 1000:7.1f} ms  "
                  f"({len(m.utterances)} utterances, {path.stat().st_size // 1024} KiB)")
    heavy = [mod for mod in ("torch", "whisper", "transformers") if mod in sys.modules]
    print(f"heavy modules imported: {heavy or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
