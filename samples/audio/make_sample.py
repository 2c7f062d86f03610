"""Synthesize the sample sales meeting with espeak-ng: four people, a distinct voice each.

Writes ``discovery_call.ogg`` (Opus, 16 kHz mono), ``discovery_call.rttm`` (ground-truth
speaker turns, from the exact placement of every line) and ``discovery_call.txt``
(``[mm:ss] Name: text`` reference transcript). Needs ``espeak-ng`` and ``sox`` on PATH
(``apt-get install -y espeak-ng sox``) and PyAV. Deterministic: same script, same output.

    python samples/audio/make_sample.py [OUTPUT_DIR]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

RATE = 16000
BITRATE = 24000
NAME = "discovery_call"
#: speaker -> (espeak-ng voice, pitch 0-99, words per minute, sox pitch shift in cents).
#: Chosen for CAM++ separability: of 14 espeak voices/variants/shifts, the four whose
#: embeddings are least alike (max mean cross-voice cosine 0.51, was 0.77 with
#: f3/m3/f5/m1 unshifted, where the diarizer merged voices: 47.6% confusion).
#: The sox ``pitch`` effect moves formants too, which is what the speaker model hears.
VOICES = {
    "Anna Berg": ("en-us+f3", 62, 150, -300),
    "Ben Okafor": ("en+m1", 22, 155, 400),
    "Carla Diaz": ("en-us+Annie", 55, 150, 0),
    "Dev Patel": ("en-us+klatt", 50, 150, 0),
}
#: (speaker, text, pause before in seconds; negative = starts before the previous line ends)
SCRIPT = [
    ("Anna Berg", "Hi everyone, thanks for joining. I'm Anna from Flowlytics.", 0.5),
    ("Ben Okafor", "And I'm Ben, the solutions engineer at Flowlytics.", 0.5),
    ("Carla Diaz", "Hi, I'm Carla, I run operations at Northwind.", 0.6),
    ("Dev Patel", "Hello, my name is Dev, I lead the IT team.", 0.5),
    ("Anna Berg", "Great. What made you look at workflow analytics this quarter?", 0.6),
    ("Carla Diaz", "Our order approvals take nine days on average. Customers are complaining.", 0.7),
    ("Anna Berg", "Nine days. Where does most of that time go?", 0.5),
    ("Carla Diaz", "Mostly waiting in inboxes. Nobody sees where a request is stuck.", 0.6),
    ("Dev Patel", "And every team uses a different tool, so the data is scattered.", 0.4),
    ("Anna Berg", "How do you measure the delay today?", 0.5),
    ("Carla Diaz", "We export a spreadsheet every Friday and count by hand. It takes a full day.", 0.6),
    ("Anna Berg", "So the reporting itself costs you a day a week.", 0.5),
    ("Carla Diaz", "Right.", 0.3),
    ("Ben Okafor", "Which systems hold the approval data today?", 0.5),
    ("Dev Patel", "Salesforce for orders, and an old SQL server for finance.", 0.5),
    ("Ben Okafor", "We connect to both. Would read only access work for your security team?", 0.6),
    ("Dev Patel", "Read only is fine. We need single sign on though.", 0.5),
    ("Ben Okafor", "Yes, we support single sign on with your identity provider.", 0.4),
    ("Anna Berg", "Carla, if approvals took two days instead of nine, what would that mean?", 0.7),
    ("Carla Diaz", "We could ship faster and keep two accounts we are about to lose.", 0.6),
    ("Anna Berg", "Mhm.", -0.4),
    ("Carla Diaz", "Honestly, that is worth a lot more than the license.", 0.3),
    ("Anna Berg", "Could we build the business case together with your finance lead?", 0.6),
    ("Carla Diaz", "Yes. I will bring Maria from finance to the next call.", 0.5),
    ("Dev Patel", "Before that, I want a security review of the connector.", 0.5),
    ("Ben Okafor", "Sure. I will send our security documents today.", 0.4),
    ("Dev Patel", "Where is the data stored? We need it to stay in Europe.", 0.5),
    ("Ben Okafor", "We host in Frankfurt, and you can choose the region when we set up the account.", 0.5),
    ("Dev Patel", "Good. That was my main worry.", 0.4),
    ("Anna Berg", "So the next step is a pilot on one approval flow. Does Tuesday work?", 0.6),
    ("Carla Diaz", "Tuesday works.", 0.4),
    ("Dev Patel", "Works for me.", 0.3),
    ("Anna Berg", "Perfect. Thanks everyone.", 0.5),
]


def synthesize(text: str, voice: str, pitch: int, wpm: int, shift: int, tmp: Path) -> np.ndarray:
    wav = tmp / "line.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-p", str(pitch), "-s", str(wpm), "-w", str(wav), text],
                   check=True, capture_output=True)
    if shift:
        shifted = tmp / "shifted.wav"
        subprocess.run(["sox", str(wav), str(shifted), "pitch", str(shift)], check=True,
                       capture_output=True)
        wav = shifted
    return _read_16k(wav)


def _read_16k(path: Path) -> np.ndarray:
    import av

    resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
    chunks = []
    with av.open(str(path)) as container:
        for frame in container.decode(audio=0):
            chunks += [f.to_ndarray().reshape(-1) for f in resampler.resample(frame)]
    chunks += [f.to_ndarray().reshape(-1) for f in resampler.resample(None)]
    return _trim(np.concatenate(chunks))


def _trim(x: np.ndarray, floor: float = 0.01) -> np.ndarray:
    loud = np.flatnonzero(np.abs(x) > floor)
    return x[loud[0]:loud[-1] + 1] if loud.size else x


def _write_opus(samples: np.ndarray, path: Path) -> None:
    import av

    with av.open(str(path), "w") as out:
        stream = out.add_stream("libopus", rate=48000, layout="mono")
        stream.bit_rate = BITRATE
        resampler = av.AudioResampler(format=stream.codec_context.format.name, layout="mono",
                                      rate=48000)
        frame = av.AudioFrame.from_ndarray(samples[None, :].astype(np.float32), format="flt",
                                           layout="mono")
        frame.sample_rate = RATE
        for f in resampler.resample(frame) + resampler.resample(None):
            for packet in stream.encode(f):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


def _mmss(seconds: float) -> str:
    return f"{int(seconds // 60):02d}:{int(seconds % 60):02d}"


def build(out_dir: Path) -> None:
    placed = []  # (start, end, speaker, text, samples)
    cursor = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for speaker, text, pause in SCRIPT:
            voice, pitch, wpm, shift = VOICES[speaker]
            audio = 0.8 * synthesize(text, voice, pitch, wpm, shift, Path(tmp))
            start = max(0.0, cursor + pause)
            placed.append((start, start + len(audio) / RATE, speaker, text, audio))
            cursor = max(cursor, start + len(audio) / RATE)
    total = np.zeros(int((cursor + 1.0) * RATE), dtype=np.float32)
    for start, _, _, _, audio in placed:
        at = int(start * RATE)
        total[at:at + len(audio)] += audio
    total /= max(1.0, float(np.abs(total).max()) / 0.95)
    out_dir.mkdir(parents=True, exist_ok=True)
    _write_opus(total, out_dir / f"{NAME}.ogg")
    ids = {s: s.split()[0].lower() for s in VOICES}
    (out_dir / f"{NAME}.rttm").write_text("".join(
        f"SPEAKER {NAME} 1 {s:.3f} {e - s:.3f} <NA> <NA> {ids[spk]} <NA> <NA>\n"
        for s, e, spk, _, _ in placed))
    (out_dir / f"{NAME}.txt").write_text("".join(
        f"[{_mmss(s)}] {spk}: {text}\n" for s, _, spk, text, _ in placed))
    (out_dir / f"{NAME}.uem").write_text(f"{NAME} 1 0.000 {len(total) / RATE:.3f}\n")
    print(f"{NAME}: {len(total) / RATE:.1f} s, {len(placed)} lines -> {out_dir}")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
