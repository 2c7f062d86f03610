"""How often side inference is right, wrong or abstains, on the shipped samples.

Truth: the sides in each sample's participants file. Three settings:
  text only       no participants file: sides from what people say
  seller named    only the first seller given (as with --seller NAME)
  file, no sides  the participants file with every side removed (orgs/emails kept)
A wrong side is worse than an abstention (unknown), so both are counted separately.
Run: .venv/bin/python benchmarks/side_inference.py
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from meetinglens.io import load_meeting
from meetinglens.participants import load_participants, name_key

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def truth_of(people) -> dict[str, str]:
    """Sides from the file; a person listed without a side (on purpose, to show inference)
    takes the side of a colleague from the same organisation."""
    by_org = {p.org: p.side for p in people if p.org and p.side != "unknown"}
    return {name_key(n): p.side if p.side != "unknown" else by_org.get(p.org, "unknown")
            for p in people for n in (p.name, *p.aliases)}


def score(meeting, truth) -> tuple[int, int, int]:
    right = wrong = unknown = 0
    for s in meeting.speakers:
        expected = truth.get(name_key(s.name))
        if expected is None:
            expected = next((truth[name_key(a)] for a in s.aliases if name_key(a) in truth), None)
        if s.side == "unknown":
            unknown += 1
        elif s.side == expected:
            right += 1
        else:
            wrong += 1
            print(f"    WRONG {s.name}: {s.side} ({s.side_reason})")
    return right, wrong, unknown


def main() -> int:
    totals: dict[str, list[int]] = {}
    for transcript in sorted(p for p in SAMPLES.iterdir() if p.suffix in {".vtt", ".srt", ".txt"}):
        people = load_participants(transcript.with_suffix(".participants.yaml"))
        truth = truth_of(people)
        seller = next(p.name for p in people if p.side == "seller")
        seller_alias = next(p for p in people if p.side == "seller").aliases
        settings = {
            "text only": load_meeting(transcript),
            "seller named": load_meeting(transcript, sellers=(seller, *seller_alias)),
            "file, no sides": load_meeting(
                transcript, participants=[replace(p, side="unknown") for p in people]),
        }
        print(transcript.name)
        for name, meeting in settings.items():
            r, w, u = score(meeting, truth)
            if name == "seller named":
                r -= 1  # the named seller is given, not inferred
            totals.setdefault(name, [0, 0, 0])
            totals[name] = [a + b for a, b in zip(totals[name], (r, w, u))]
            print(f"  {name:15s} right {r}  wrong {w}  unknown {u}")
    print("all samples")
    for name, (r, w, u) in totals.items():
        print(f"  {name:15s} right {r}  wrong {w}  unknown {u}  "
              f"(precision {r / max(1, r + w):.0%}, coverage {r / max(1, r + w + u):.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
