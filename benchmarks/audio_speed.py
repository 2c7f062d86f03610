"""Speed and peak memory of each audio stage on a long recording.

Builds a recording of ``--minutes`` minutes by concatenating real speech (ami_dev clips,
the pyannote sample call, jfk and samples/audio), writes it as 16 kHz WAV, then runs
decode -> transcribe -> diarize -> attribute once, timing each stage (wall and CPU time)
and sampling the process's resident memory (VmRSS) every 20 ms.

    .venv/bin/python benchmarks/audio_speed.py --minutes 60 --model tiny.en
    .venv/bin/python benchmarks/audio_speed.py --minutes 10 --model base --device cuda
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "audio"


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class PeakRSS:
    """Samples VmRSS in a thread; ``peak`` is the maximum since the last ``reset``."""

    def __init__(self, every: float = 0.02):
        self.every, self.peak, self._stop = every, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, _rss_mb())
            time.sleep(self.every)

    def reset(self):
        self.peak = _rss_mb()

    def stop(self):
        self._stop.set()
        self._thread.join()


def build_recording(minutes: float, path: Path) -> float:
    import av

    from meetinglens.audio.decode import decode

    sources = sorted((DATA / "ami_dev").glob("*.wav")) + [
        DATA / "pyannote_sample" / "sample.wav", DATA / "jfk" / "jfk.flac",
        ROOT / "samples" / "audio" / "discovery_call.ogg"]
    pieces = [decode(p).samples for p in sources if p.exists()]
    block = np.concatenate(pieces)
    n = int(minutes * 60 * 16000)
    total = np.resize(block, n)  # repeats the block
    with av.open(str(path), "w") as out:
        stream = out.add_stream("pcm_s16le", rate=16000, layout="mono")
        for start in range(0, n, 16000 * 60):
            part = (np.clip(total[start:start + 16000 * 60], -1, 1) * 32767).astype(np.int16)
            frame = av.AudioFrame.from_ndarray(part[None, :], format="s16", layout="mono")
            frame.sample_rate = 16000
            for p in stream.encode(frame):
                out.mux(p)
        for p in stream.encode(None):
            out.mux(p)
    return n / 16000


@contextmanager
def stage(name: str, duration: float, rss: PeakRSS, rows: list, cuda: bool):
    import torch

    if cuda:
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
    rss.reset()
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    if cuda:
        torch.cuda.synchronize()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    gpu = torch.cuda.max_memory_allocated() / 2**20 if cuda else 0.0
    rows.append((name, wall, cpu, rss.peak, gpu))
    print(f"{name:<11} {wall:8.1f} {cpu:8.1f} {duration / wall:8.1f}x {rss.peak:9.0f} {gpu:9.0f}",
          flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=60.0)
    ap.add_argument("--model", default="tiny.en")
    ap.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    ap.add_argument("--beam-size", type=int, default=5, help="whisper beam width (1 = greedy)")
    args = ap.parse_args()

    import torch

    from meetinglens.audio import attribute
    from meetinglens.audio.decode import decode
    from meetinglens.audio.diarize import SpeakerDiarizer
    from meetinglens.audio.options import AudioOptions
    from meetinglens.audio.transcribe import WhisperTranscriber

    cuda = args.device == "cuda"
    opts = AudioOptions(asr_model=args.model, device=args.device, beam_size=args.beam_size)
    rss = PeakRSS()
    rows: list = []
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "long.wav"
        duration = build_recording(args.minutes, wav)
        print(f"{args.minutes:g} min recording, model {args.model}, beam {args.beam_size}, "
              f"device {args.device}, "
              f"torch threads {torch.get_num_threads()}")
        print(f"{'stage':<11} {'wall s':>8} {'cpu s':>8} {'speed':>9} {'peak MB':>9} {'gpu MB':>9}")
        with stage("load", duration, rss, rows, cuda):
            transcriber, diarizer = WhisperTranscriber(opts), SpeakerDiarizer(opts)
        with stage("decode", duration, rss, rows, cuda):
            audio = decode(wav)
        with stage("transcribe", duration, rss, rows, cuda):
            transcript = transcriber.transcribe(audio)
        with stage("diarize", duration, rss, rows, cuda):
            turns = diarizer.diarize(audio)
        with stage("attribute", duration, rss, rows, cuda):
            utts = attribute.utterances(attribute.attribute_words(transcript, turns))
    rss.stop()
    work = sum(r[1] for r in rows if r[0] != "load")
    print(f"pipeline (excluding model load): {work:.1f} s wall for {duration:.0f} s audio = "
          f"{duration / work:.1f}x real time; peak RSS {max(r[3] for r in rows):.0f} MB; "
          f"{len(utts)} utterances, {len({t.speaker for t in turns})} speakers")


if __name__ == "__main__":
    main()
