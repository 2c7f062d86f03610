"""Fitting the speaker-level role and mode models (training time only; sklearn via ``fit``).

Rows are labelled buyers, one per input variant (clean with participants file, without it,
ASR-style), so the model learns how much a title is worth and how to decide without one.
Features come from the utterance heads given by ``head_for(meeting id)``: for an honest
figure these must be heads fitted without that meeting (leave one meeting out), so the
speaker model learns from out-of-meeting head scores, as it will see them on new meetings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

from meetinglens.analysis import influence_speaker as sp
from meetinglens.analysis import influence_train as tr
from meetinglens.analysis.influence import mode_head_scores
from meetinglens.analysis.influence_dataset import load_labelled
from meetinglens.analysis.influence_head import ModeHead
from meetinglens.analysis.influence_roles import (
    buyer_speakers,
    mode_feature_vector,
    role_feature_vector,
    utterances_of,
)

VARIANTS = (dict(participants=True, asr=False), dict(participants=False, asr=False),
            dict(participants=False, asr=True))
#: Inverse L2 strength of the speaker models (few rows, few features: keep it modest).
C = 1.0
#: Class weighting of the speaker models (influence_train.fit): ``sqrt`` keeps 2 unknown
#: buyers from being weighted like 32 users while still lifting coaches.
WEIGHTING = "sqrt"


@dataclass
class SpeakerRows:
    role_x: list = field(default_factory=list)
    role_y: list = field(default_factory=list)
    mode_x: list = field(default_factory=list)
    mode_y: list = field(default_factory=list)
    groups: list = field(default_factory=list)


def speaker_rows(files: Sequence, head_for: Callable) -> SpeakerRows:
    """Feature rows of every labelled buyer in every variant; ``head_for(id)`` -> (mode, role)."""
    rows = SpeakerRows()
    for path in files:
        for variant in VARIANTS:
            meeting, gold = load_labelled(path, **variant)
            mode_head, role_head = head_for(meeting.id)[:2]
            buyers, _ = buyer_speakers(meeting)
            rscores = mode_head_scores(meeting, buyers, role_head)
            mscores = mode_head_scores(meeting, buyers, mode_head)
            for s in buyers:
                if s.name not in gold.roles:
                    continue
                utts = utterances_of(meeting, s.name)
                rows.role_x.append(role_feature_vector(s, utts, rscores.get(s.name)))
                rows.role_y.append(gold.roles[s.name])
                rows.mode_x.append(mode_feature_vector(utts, mscores.get(s.name),
                                                       rscores.get(s.name)))
                rows.mode_y.append(gold.response_modes.get(s.name, "unclear"))
                rows.groups.append(meeting.id)
    return rows


def fit_models(rows: SpeakerRows, keep=None, c: float = C, meta: dict | None = None
               ) -> tuple[ModeHead, ModeHead]:
    """(role model, mode model) fitted on the rows where ``keep`` is true (default all)."""
    keep = np.ones(len(rows.groups), bool) if keep is None else keep
    rx, mx = np.stack(rows.role_x)[keep], np.stack(rows.mode_x)[keep]
    ry = [y for y, k in zip(rows.role_y, keep) if k]
    my = [y for y, k in zip(rows.mode_y, keep) if k]
    return (tr.fit(rx, ry, c, dict(meta or {}), sp.ROLE_LABELS, WEIGHTING),
            tr.fit(mx, my, c, dict(meta or {}), sp.MODE_LABELS, WEIGHTING))


def lomo_models(rows: SpeakerRows, c: float = C) -> dict[str, tuple[ModeHead, ModeHead]]:
    """Per meeting, speaker models fitted on every other meeting's buyers."""
    groups = np.array(rows.groups)
    return {g: fit_models(rows, groups != g, c, {"version": f"lomo-{g}"})
            for g in dict.fromkeys(rows.groups)}
