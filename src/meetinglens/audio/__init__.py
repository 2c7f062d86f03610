"""From a recording to a speaker-attributed Meeting: decode -> transcribe -> diarize -> attribute.

Nothing here imports torch/whisper at module import time; the stages do, when built.
"""

from meetinglens.audio.options import AUDIO_EXTENSIONS, AudioOptions

__all__ = ["AUDIO_EXTENSIONS", "AudioOptions"]
