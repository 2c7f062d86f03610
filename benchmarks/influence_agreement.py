"""How often two human annotators agree on buying influences, and where the analyzer stands.

The targets of issue 6 (role 0.8, response mode 0.7, red-flag macro-F1 0.7) are scored against
one annotator's labels. Response modes especially are a judgement of a buyer's overall
stance, so the first question about a 0.6 is how often two careful people would agree. A
second annotator labelled the blind meetings again from the codebook and the transcript
only, never seeing the first labels (``datasets/buying-influences/annotator2/``). This
prints, over the meetings both labelled:

- human vs human: role and mode agreement (with Cohen's kappa), red-flag macro-F1 and
  mention recall/precision with the first annotator as reference;
- with ``--machine``: the analyzer (clean transcripts with participants, shipped heads)
  against each annotator, scored the same way, so its figures sit beside the human ceiling.
  Run it on the code frozen before a split was written (a worktree at that commit) for a
  blind figure: later heads are trained on these meetings.

Run:  .venv/bin/python benchmarks/influence_agreement.py [--machine]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from meetinglens.analysis.influence_dataset import DATASET_DIR, load_labelled  # noqa: E402
from meetinglens.analysis.influence_flags import FLAGS  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from influence import _words  # noqa: E402  (mentions match as the analyzer is scored)

SECOND = DATASET_DIR / "annotator2"


@dataclass(frozen=True)
class Labels:
    """One annotator's (or the analyzer's) labels of one meeting."""

    roles: dict[str, str]
    modes: dict[str, str]
    flags: frozenset[str]
    mentions: tuple[tuple[str, str], ...]  # (who, role)


def second_labels(path: Path) -> Labels:
    d = json.loads(path.read_text(encoding="utf-8"))
    return Labels(d.get("roles", {}), d.get("response_modes", {}),
                  frozenset(d.get("red_flags", ())),
                  tuple((m["who"], m["role"]) for m in d.get("mentions", ())))


def first_labels(gold) -> Labels:
    return Labels(dict(gold.roles), dict(gold.response_modes), frozenset(gold.red_flags),
                  tuple((m["who"], m["role"]) for m in gold.mentions))


def machine_labels(meeting) -> Labels:
    from meetinglens.analysis.base import AnalysisContext
    from meetinglens.analysis.influence import analyze

    result = analyze(AnalysisContext(meeting))
    return Labels({n: r["role"] for n, r in result.metrics["roles"].items()},
                  {n: r["mode"] for n, r in result.metrics["response_modes"].items()},
                  frozenset(result.metrics["red_flags"]),
                  tuple((m["who"], m["role"]) for m in result.tables["mentions"]))


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of paired categorical labels."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[c] * right[c] for c in left) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def _matches(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[1] == b[1] and bool(_words(a[0]) & _words(b[0]))


def compare(reference: dict[str, Labels], other: dict[str, Labels]) -> dict:
    """``other`` scored against ``reference`` on the meetings and buyers both labelled, the
    way ``benchmarks/influence.py`` scores the analyzer."""
    roles, modes = [], []
    tp, fp, fn = Counter(), Counter(), Counter()
    m_found = m_ref = m_ok = m_other = 0
    for mid, ref in reference.items():
        got = other[mid]
        roles += [(r, got.roles.get(n, "none")) for n, r in ref.roles.items()]
        modes += [(m, got.modes.get(n, "none")) for n, m in ref.modes.items()]
        for flag in FLAGS:
            tp[flag] += flag in got.flags and flag in ref.flags
            fp[flag] += flag in got.flags and flag not in ref.flags
            fn[flag] += flag not in got.flags and flag in ref.flags
        m_ref += len(ref.mentions)
        m_other += len(got.mentions)
        m_found += sum(any(_matches(g, o) for o in got.mentions) for g in ref.mentions)
        m_ok += sum(any(_matches(o, g) for g in ref.mentions) for o in got.mentions)
    f1s = []
    for flag in FLAGS:
        if tp[flag] + fn[flag] == 0 and fp[flag] == 0:
            continue  # neither side raised it anywhere: not scored
        p = tp[flag] / (tp[flag] + fp[flag]) if tp[flag] + fp[flag] else 0.0
        r = tp[flag] / (tp[flag] + fn[flag]) if tp[flag] + fn[flag] else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    return {"meetings": len(reference), "buyers": len(roles),
            "role": sum(a == b for a, b in roles) / len(roles), "role_kappa": kappa(roles),
            "mode": sum(a == b for a, b in modes) / len(modes), "mode_kappa": kappa(modes),
            "mode_pairs": Counter(modes),
            "flags": sum(f1s) / len(f1s) if f1s else 0.0,
            "mention_r": m_found / m_ref if m_ref else None,
            "mention_p": m_ok / m_other if m_other else None}


def show(title: str, r: dict) -> None:
    def f(x):
        return "  - " if x is None else f"{x:.2f}"
    print(f"{title:<34} meetings={r['meetings']:>2} buyers={r['buyers']:>2}  "
          f"role={r['role']:.3f} (kappa {r['role_kappa']:.2f})  "
          f"mode={r['mode']:.3f} (kappa {r['mode_kappa']:.2f})  flag macro-F1={r['flags']:.3f}  "
          f"mentions R={f(r['mention_r'])} P={f(r['mention_p'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--machine", action="store_true",
                        help="also score the analyzer against each annotator (slower)")
    parser.add_argument("--pairs", action="store_true",
                        help="print the mode label pairs where the annotators differ")
    parser.add_argument("--labels", type=Path, default=SECOND,
                        help=f"the second annotator's folder (default {SECOND.relative_to(ROOT)})")
    args = parser.parse_args()

    second, first, meetings = {}, {}, {}
    for path in sorted(args.labels.glob("*.json")):
        original = DATASET_DIR / path.name
        if not original.exists():
            print(f"skipped {path.name}: no labelled meeting of that name", file=sys.stderr)
            continue
        meeting, gold = load_labelled(original)
        first[meeting.id], second[meeting.id] = first_labels(gold), second_labels(path)
        meetings[meeting.id] = meeting
    if not first:
        sys.exit(f"no second-annotator labels in {args.labels}")

    by_split: dict[str, list[str]] = {}
    for mid in first:
        by_split.setdefault(mid.split("-", 1)[0], []).append(mid)
    for split, ids in sorted(by_split.items()):
        show(f"[{split}] annotator 2 vs 1", compare({i: first[i] for i in ids},
                                                   {i: second[i] for i in ids}))
    human = compare(first, second)
    show("[all] annotator 2 vs 1", human)
    if args.pairs:
        for (a, b), n in sorted(human["mode_pairs"].items()):
            if a != b:
                print(f"  mode annotator 1 {a:<13} annotator 2 {b:<13} {n}")
    if args.machine:
        machine = {mid: machine_labels(m) for mid, m in meetings.items()}
        show("[all] analyzer vs annotator 1", compare(first, machine))
        show("[all] analyzer vs annotator 2", compare(second, machine))


if __name__ == "__main__":
    main()
