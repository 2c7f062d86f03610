"""Forward-chained benchmark of the buying-influence training procedure.

Leave-one-meeting-out figures (benchmarks/influence.py --split all) are dominated by the early
short meetings the cue lexicons were written on. This asks the question a new customer's
meeting asks instead: fitted on what was written *before* a blind set, how does the analyzer
do on it? For each blind group (default: holdout12+holdout13, holdout14+holdout15, holdout16,
holdout17+holdout18, holdout19+holdout20, holdout21, holdout22, then holdout23), every learned
head is fitted only on the meetings of the splits written before the group (writing order:
``train_influence_head.TRAIN_SPLITS``, then later splits), the way ``train_influence_head.py``
fits the shipped heads, and the group is scored. Two procedures:

* ``round15`` — modes by the cue tally over a mode head fitted on the round-7 splits; the
  red-flag head fitted on the round-14 flag splits (the shipped heads up to round 15);
* ``round16`` — every head fitted on every earlier split, modes by the speaker-level mode
  model (shipped from round 16).

Roles use the role head and speaker role model fitted on every earlier split in both. Figures
are pooled over the groups: role and mode accuracy per buyer, red-flag macro-F1 over the
pooled counts, false flags per meeting; clean (participants file) and ASR-style.
Run:  .venv/bin/python benchmarks/influence_forward.py [--groups "holdout12,holdout13;..."]
      [--procedures round16]
(about 4-8 minutes per group on two cores, 30-50 for the default groups).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from embed_cache import cached_encode
from influence import evaluate
from train_influence_head import TRAIN_SPLITS

from meetinglens.analysis import influence_flagtrain as ft
from meetinglens.analysis import influence_speakertrain as st
from meetinglens.analysis import influence_train as tr
from meetinglens.analysis.influence_dataset import dataset_files, dataset_splits
from meetinglens.analysis.influence_flags import FLAGS
from meetinglens.analysis.influence_head import ROLE_HEAD_CLASSES

#: The splits the shipped mode head (round 7) and flag head (round 6, listed in round 14) were
#: fitted on up to round 15.
ROUND7_MODE_SPLITS = ("dev", "test", "holdout", "holdout2", "holdout3", "holdout4", "train5",
                      "holdout5", "train6", "holdout6")
ROUND14_FLAG_SPLITS = ("dev", "test", "holdout", "holdout2", "holdout3", "holdout4", "train5",
                       "holdout5", "train6", "holdout7", "long1", "holdout8", "train9",
                       "holdout9")
VARIANTS = {"clean": dict(participants=True, asr=False), "asr": dict(participants=False, asr=True)}


def writing_order() -> list[str]:
    return list(TRAIN_SPLITS) + [s for s in dataset_splits() if s not in TRAIN_SPLITS]


def _files(splits) -> list:
    return [f for s in splits for f in dataset_files(s)]


def mode_head(files):
    rows = tr.join(tr.meeting_rows(files), tr.extra_rows())
    x = tr.embed(rows)
    return rows, x, tr.fit(x, rows.labels, tr.C, {"version": "forward"})


def flag_head(files):
    rows = ft.join(ft.meeting_cue_rows(files), ft.extra_cue_rows())
    x = cached_encode(rows.texts, "influence-flags")
    return ft.fit_flags(x, rows.matrix(), ft.C, {"version": "forward"})


def procedures(before: list[str], names=("round15", "round16")) -> dict:
    """name -> head_for(meeting id), every head fitted on the splits in ``before`` only."""
    train = _files(before)
    mode_rows, mode_x, modes_all = mode_head(train)
    role_rows = tr.role_rows(train)
    role_x = tr.embed(role_rows)
    roles = tr.fit(role_x, role_rows.labels, tr.C, None, ROLE_HEAD_CLASSES)
    # The speaker models learn from head scores the heads produce on meetings they never saw.
    mode_lomo = tr.leave_one_meeting_out(mode_rows, mode_x, tr.C)
    role_lomo = tr.leave_one_meeting_out(role_rows, role_x, tr.C, ROLE_HEAD_CLASSES)
    srows = st.speaker_rows(train, lambda mid: (mode_lomo[mid], role_lomo.get(mid, roles)))
    role_model, mode_model = st.fit_models(srows)
    out = {}
    if "round15" in names:
        _, _, modes_r7 = mode_head(_files(s for s in before if s in ROUND7_MODE_SPLITS))
        flags_r14 = flag_head(_files(s for s in before if s in ROUND14_FLAG_SPLITS))
        out["round15"] = lambda mid: (modes_r7, roles, flags_r14, (role_model, None))
    if "round16" in names:
        flags_all = flag_head(train)
        out["round16"] = lambda mid: (modes_all, roles, flags_all, (role_model, mode_model))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups",
                        default="holdout12,holdout13;holdout14,holdout15;holdout16;"
                                "holdout17,holdout18;holdout19,holdout20;holdout21;holdout22;"
                                "holdout23",
                        help="blind groups, ';'-separated, each a ','-separated list of splits")
    parser.add_argument("--procedures", default="round15,round16",
                        help="which training procedures to compare (','-separated)")
    args = parser.parse_args()
    order = writing_order()
    pooled: dict = {}
    for group in args.groups.split(";"):
        splits = group.split(",")
        unknown = [s for s in splits if s not in order]
        if unknown:
            raise SystemExit(f"unknown split(s) {unknown}; known: {', '.join(order)}")
        before = order[:min(order.index(s) for s in splits)]
        start = time.time()
        heads = procedures(before, args.procedures.split(","))
        test = _files(splits)
        print(f"[{group}] {len(test)} meetings; heads fitted on {len(_files(before))} "
              f"meetings written before ({time.time() - start:.0f}s)", flush=True)
        for name, head_for in heads.items():
            for vname, variant in VARIANTS.items():
                r = evaluate(test, variant, head_for=head_for)
                print(f"    {name} {vname:5s} role={r['role_acc']:.3f} mode={r['mode_acc']:.3f} "
                      f"flagF1={r['macro_f1']:.3f} false/meeting="
                      f"{r['false_flags_per_meeting']:.2f}", flush=True)
                acc = pooled.setdefault((name, vname), {"n": 0, "modes_n": 0, "meetings": 0,
                                                         "role": 0.0, "mode": 0.0,
                                                         "counts": Counter()})
                acc["n"] += r["roles_n"]
                acc["meetings"] += r["meetings"]
                acc["role"] += r["role_acc"] * r["roles_n"]
                acc["modes_n"] += r["modes_n"]
                acc["mode"] += r["mode_acc"] * r["modes_n"]
                for f, (tp, fp, fn) in r["flag_counts"].items():
                    acc["counts"][f, "tp"] += tp
                    acc["counts"][f, "fp"] += fp
                    acc["counts"][f, "fn"] += fn
    print("pooled over", args.groups)
    for (name, vname), acc in pooled.items():
        c = acc["counts"]
        f1 = {f: 2 * c[f, "tp"] / (2 * c[f, "tp"] + c[f, "fp"] + c[f, "fn"]) for f in FLAGS
              if c[f, "tp"] + c[f, "fp"] + c[f, "fn"]}
        false = sum(c[f, "fp"] for f in FLAGS) / acc["meetings"]
        print(f"  {name} {vname:5s} role={acc['role'] / acc['n']:.3f} "
              f"mode={acc['mode'] / acc['modes_n']:.3f} flag macro-F1="
              f"{sum(f1.values()) / len(f1):.3f} false/meeting={false:.2f}  "
              + " ".join(f"{f}={v:.2f}" for f, v in f1.items()))
        print("      tp/fp/fn: " + " ".join(f"{f}={c[f, 'tp']}/{c[f, 'fp']}/{c[f, 'fn']}"
                                         for f in FLAGS))


if __name__ == "__main__":
    main()
