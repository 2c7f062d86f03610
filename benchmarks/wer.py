"""Word error rate of meetinglens' transcriber (VAD-gated whisper) per model.

References: ../shared/data/audio/jfk/reference.txt, pyannote_sample/sample.stm and the
project's synthesized sample meeting (samples/audio/discovery_call.txt, espeak-ng voices).
Both sides pass through whisper's EnglishTextNormalizer; WER = word edit distance /
reference words.

    .venv/bin/python benchmarks/wer.py                       # tiny.en and base
    .venv/bin/python benchmarks/wer.py --models tiny.en --plain   # also plain whisper.transcribe
    .venv/bin/python benchmarks/wer.py --models tiny.en --beam-size 1  # greedy decoding
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from meetinglens.audio.options import AudioOptions

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "audio"
SAMPLE = ROOT / "samples" / "audio" / "discovery_call"
#: "[mm:ss] Name: text" lines of the sample's transcript.
_STAMPED = re.compile(r"^\[[\d:]+\]\s*[^:]+:\s*(.*)$")


def references() -> dict[str, tuple[Path, str]]:
    stm = DATA / "pyannote_sample" / "sample.stm"
    lines = [l.split(maxsplit=5) for l in stm.read_text().splitlines() if l.strip()]
    lines.sort(key=lambda f: float(f[3]))
    return {
        "jfk": (DATA / "jfk" / "jfk.flac", (DATA / "jfk" / "reference.txt").read_text()),
        "pyannote_sample": (DATA / "pyannote_sample" / "sample.wav",
                            " ".join(f[5] for f in lines if len(f) > 5)),
        "sample_meeting": (SAMPLE.with_suffix(".ogg"), " ".join(
            m.group(1) for m in map(_STAMPED.match, SAMPLE.with_suffix(".txt").read_text(
                encoding="utf-8").splitlines()) if m)),
    }


def edit_distance(ref: list[str], hyp: list[str]) -> int:
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", default="tiny.en,base")
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--plain", action="store_true", help="also score plain whisper.transcribe")
    ap.add_argument("--beam-size", type=int, default=AudioOptions.beam_size,
                    help="beam width of the guarded transcriber (1 = greedy)")
    args = ap.parse_args()

    import whisper
    from whisper.normalizers import EnglishTextNormalizer

    from meetinglens.audio.decode import decode
    from meetinglens.audio.transcribe import WhisperTranscriber

    norm = EnglishTextNormalizer()
    refs = references()
    print(f"{'model':<9} {'clip':<16} {'mode':<8} {'WER%':>6} {'errors':>6} {'words':>5} {'sec':>6}")
    for model in args.models.split(","):
        tr = WhisperTranscriber(AudioOptions(asr_model=model, device=args.device, language="en",
                                             beam_size=args.beam_size))
        for clip, (path, ref_text) in refs.items():
            audio = decode(path)
            ref = norm(ref_text).split()
            runs = [("guarded", lambda: " ".join(w.text for w in tr.transcribe(audio).words))]
            if args.plain:
                runs.append(("plain", lambda: whisper.transcribe(
                    tr.model, audio.samples, language="en", fp16=tr.device == "cuda")["text"]))
            for mode, run in runs:
                t0 = time.perf_counter()
                hyp = norm(run()).split()
                took = time.perf_counter() - t0
                errors = edit_distance(ref, hyp)
                print(f"{model:<9} {clip:<16} {mode:<8} {100 * errors / len(ref):6.1f} "
                      f"{errors:6d} {len(ref):5d} {took:6.1f}", flush=True)


if __name__ == "__main__":
    main()
